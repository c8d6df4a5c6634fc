package acctest

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tencentlive/terraform-provider-tencentlive/emulator"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/emutest"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/sweep"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

// The guard sees each create the emulator is asked for and names the ones without the prefix;
// the emulator's admins and the names a test lets through are not flagged.
func TestPrefixGuardNamesUnprefixedCreates(t *testing.T) {
	g := newPrefixGuard(emulator.Options{})
	_, url := emutest.Serve(t, emulator.Options{}, g.wrap)
	c := emutest.RetryingClient(t, url, 0)
	ctx := context.Background()
	g.allowed["10086"] = true
	for _, id := range []string{emulator.DefaultAdmin, "tf-acc-test-host", "app-host", "10086", "tf-acc-testy"} {
		if err := c.ImportAccount(ctx, wire.Account{UserID: id}); err != nil {
			t.Fatal(err)
		}
	}
	for _, id := range []string{"tf-acc-test-room", "app-room"} {
		if err := c.CreateRoom(ctx, wire.RoomInfo{RoomID: id, SeatTemplate: new("Karaoke")}); err != nil {
			t.Fatal(err)
		}
	}
	for _, id := range []string{"tf-acc-test-gift", "app-gift"} {
		if err := c.AddGift(ctx, wire.Gift{ID: id, DefaultName: "g"}); err != nil {
			t.Fatal(err)
		}
	}
	for _, id := range []string{"tf-acc-test-cat", "app-cat"} {
		if err := c.AddGiftCategory(ctx, wire.GiftCategory{ID: id, DefaultName: "c"}); err != nil {
			t.Fatal(err)
		}
	}
	err := g.err()
	if err == nil || !strings.HasSuffix(err.Error(), `["app-cat" "app-gift" "app-host" "app-room" "tf-acc-testy"] (name them with acctest.Name)`) {
		t.Fatalf("guard: %v", err)
	}
}

func TestNameFitsEachLimit(t *testing.T) {
	t.Setenv("TENCENTLIVE_SWEEP_RECORD", "")
	for _, tc := range []struct {
		label string
		limit int
		want  string // the name without its 8 random characters
	}{
		{"grid", 48, "tf-acc-test-grid-"},
		{"a-label-much-too-long-for-a-user-id", 32, "tf-acc-test-a-label-muc-"},
		{"gift", 20, "tf-acc-test-"},
		{"", 48, "tf-acc-test-"},
	} {
		got := Name("room", tc.label, tc.limit)
		if len(got) > tc.limit || !strings.HasPrefix(got, tc.want) || len(got) != len(tc.want)+randomBytes {
			t.Errorf("Name(%q, %d) = %q; want %q and %d random characters, at most %d bytes", tc.label, tc.limit, got, tc.want, randomBytes, tc.limit)
		}
		if strings.Trim(got[len(tc.want):], nameCharset) != "" {
			t.Errorf("Name(%q, %d) = %q: random part outside %q", tc.label, tc.limit, got, nameCharset)
		}
	}
	if a, b := RoomID("x"), RoomID("x"); a == b {
		t.Errorf("two RoomID calls gave %q", a)
	}
}

// The tests name gifts and categories with GiftID alike, so both sweepers must find it.
func TestGiftIDIsRecordedForGiftsAndCategories(t *testing.T) {
	record := filepath.Join(t.TempDir(), "names")
	t.Setenv(sweep.EnvRecord, record)
	id := GiftID()
	if len(id) != livespec.MaxGiftIDBytes || !sweep.Owned(id) {
		t.Errorf("GiftID() = %q: want the prefix and %d random characters", id, randomBytes)
	}
	data, err := os.ReadFile(record)
	if err != nil {
		t.Fatal(err)
	}
	if want := "gift " + id + "\ngift_category " + id + "\n"; string(data) != want {
		t.Errorf("record file = %q, want %q", data, want)
	}
}
