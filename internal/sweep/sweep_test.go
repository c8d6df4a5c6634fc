package sweep_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/tencentlive/terraform-provider-tencentlive/emulator"
	_ "github.com/tencentlive/terraform-provider-tencentlive/internal/account" // registers its sweeper
	"github.com/tencentlive/terraform-provider-tencentlive/internal/emutest"
	_ "github.com/tencentlive/terraform-provider-tencentlive/internal/gift" // registers its sweeper and the categories'
	"github.com/tencentlive/terraform-provider-tencentlive/internal/sweep"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/sweep/sweeptest"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

// sweepAll runs the registered sweepers in the order of their dependencies, as
// terraform-plugin-testing does, and returns each one's error.
func sweepAll(t *testing.T, run *sweep.Run) map[string]error {
	t.Helper()
	byName := map[string]sweep.Sweeper{}
	for _, s := range sweep.Sweepers() {
		byName[s.Name] = s
	}
	errs := map[string]error{}
	var visit func(name string)
	visit = func(name string) {
		if _, done := errs[name]; done {
			return
		}
		s, ok := byName[name]
		if !ok {
			t.Fatalf("sweeper %s is not registered", name)
		}
		for _, d := range s.Dependencies {
			visit(d)
		}
		errs[name] = s.Sweep(run)
	}
	for _, s := range sweep.Sweepers() {
		visit(s.Name)
	}
	return errs
}

func TestOwnedNeedsTheDash(t *testing.T) {
	for name, want := range map[string]bool{
		"tf-acc-test-room-1": true, "tf-acc-test-x": true,
		"tf-acc-test-": false, "tf-acc-testy": false, "tf-acc-testy-room": false, "tf-acc-room": false,
		"app-tf-acc-test-1": false, "TF-ACC-TEST-1": false, "": false,
	} {
		if got := sweep.Owned(name); got != want {
			t.Errorf("Owned(%q) = %v, want %v", name, got, want)
		}
	}
}

// Against the emulator: every prefixed room and account goes (listed, recorded, or found as a
// swept room's owner, admin or robot) and every object of the application stays, including
// the ones the record file names and the ones named like the prefix without its dash.
func TestSweepersRemoveExactlyTheTestObjects(t *testing.T) {
	emu, url := emutest.Serve(t, emulator.Options{})
	c := emutest.RetryingClient(t, url, 0)
	record := filepath.Join(t.TempDir(), "names")
	ctx := context.Background()
	left, err := sweeptest.Leave(ctx, c, record)
	if err != nil {
		t.Fatal(err)
	}
	for name, err := range sweepAll(t, sweep.NewRun(c, record)) {
		if err != nil {
			t.Errorf("sweeper %s: %v", name, err)
		}
	}
	if err := sweeptest.Check(ctx, c, left); err != nil {
		t.Fatal(err)
	}
	// What is gone is dropped from the record file; the application's names stay in it, as
	// nothing removed them.
	data, err := os.ReadFile(record)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(data), "room app-recorded\naccount app-user\ngift app-gift-rec\ngift_category tf-acc-testy\n"; got != want {
		t.Errorf("record file after the sweep = %q, want %q", got, want)
	}
	if n := len(emu.Rooms()); n != 3 {
		t.Errorf("%d rooms left, want the application's 3: %+v", n, emu.Rooms())
	}
}

// Where the bulk gift read is off, the sweepers find the recorded categories and the test gifts
// those categories show, delete exactly them, and leave the application's gift in a test
// category alone.
func TestGiftSweepersWithoutTheBulkRead(t *testing.T) {
	_, url := emutest.Serve(t, emulator.Options{NoGiftInfoList: true})
	c := emutest.RetryingClient(t, url, 0)
	record := filepath.Join(t.TempDir(), "names")
	ctx := context.Background()
	cat, shown, recorded := sweep.Prefix+"cat", sweep.Prefix+"shown", sweep.Prefix+"rec"
	steps := []error{
		c.AddGift(ctx, wire.Gift{ID: shown, DefaultName: "shown"}),
		c.AddGift(ctx, wire.Gift{ID: recorded, DefaultName: "rec"}),
		c.AddGift(ctx, wire.Gift{ID: "app-gift", DefaultName: "app"}),
		c.AddGiftCategory(ctx, wire.GiftCategory{ID: cat, DefaultName: "cat"}),
		sweep.Record(record, sweep.KindGiftCategory, cat),
		sweep.Record(record, sweep.KindGift, recorded),
	}
	_, err := c.AddGiftCategoryRelations(ctx, cat, []string{shown, "app-gift"})
	if err := errors.Join(append(steps, err)...); err != nil {
		t.Fatal(err)
	}
	if _, err := c.GetGiftCatalog(ctx); !errors.Is(err, wire.ErrBulkReadUnavailable) {
		t.Fatalf("the bulk read should be off: %v", err)
	}
	errs := sweepAll(t, sweep.NewRun(c, record))
	for _, name := range []string{"tencentlive_gift", "tencentlive_gift_category"} {
		if errs[name] != nil {
			t.Errorf("sweeper %s: %v", name, errs[name])
		}
	}
	for _, id := range []string{shown, recorded} {
		if _, err := c.GetGift(ctx, id); !errors.Is(err, wire.ErrGiftNotFound) {
			t.Errorf("test gift %s: %v, want it gone", id, err)
		}
	}
	if _, err := c.GetGiftCategory(ctx, cat); !errors.Is(err, wire.ErrGiftCategoryNotFound) {
		t.Errorf("test category %s: %v, want it gone", cat, err)
	}
	if _, err := c.GetGift(ctx, "app-gift"); err != nil {
		t.Errorf("the application's gift: %v", err)
	}
}

// One room that cannot be destroyed does not stop the others, and the error names it; 60007 and
// transient faults are retried within the time bound.
func TestSweepContinuesPastAFailureAndRetries(t *testing.T) {
	const stuck = sweep.Prefix + "stuck"
	var faulty atomic.Bool
	var requests, faults atomic.Int64
	refuse := func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			fail := func(code int) {
				w.Header().Set("Content-Type", "application/json")
				fmt.Fprintf(w, `{"ActionStatus":"FAIL","ErrorCode":%d,"ErrorInfo":"injected","RequestId":"Id-00000000000000000000000000000000-O-Seq-1"}`, code)
			}
			if path.Base(r.URL.Path) == "destroy_room" && strings.Contains(readBody(t, r), stuck) {
				fail(100006)
				return
			}
			// Every other request is refused with 60007 or a transient server error.
			if n := requests.Add(1); faulty.Load() && n%2 == 0 {
				faults.Add(1)
				if n%4 == 0 {
					fail(60007)
				} else {
					w.WriteHeader(http.StatusBadGateway)
				}
				return
			}
			next.ServeHTTP(w, r)
		})
	}
	emu, url := emutest.Serve(t, emulator.Options{}, refuse)
	c := emutest.RetryingClient(t, url, 0)
	ctx := context.Background()
	ids := []string{sweep.Prefix + "a", stuck, sweep.Prefix + "z"}
	for _, id := range ids {
		if err := c.CreateRoom(ctx, wire.RoomInfo{RoomID: id, SeatTemplate: new("Karaoke")}); err != nil {
			t.Fatal(err)
		}
	}
	faulty.Store(true)
	errs := sweepAll(t, sweep.NewRun(c, ""))
	faulty.Store(false)
	if faults.Load() == 0 {
		t.Fatal("no fault was injected")
	}
	err := errs["tencentlive_room"]
	if err == nil || !strings.Contains(err.Error(), "room "+stuck+": ") || !strings.Contains(err.Error(), "100006") {
		t.Fatalf("rooms' sweeper: %v; want an error naming %s and its code", err, stuck)
	}
	if strings.Count(err.Error(), "\n") != 0 {
		t.Errorf("only %s should fail: %v", stuck, err)
	}
	rooms := emu.Rooms()
	if len(rooms) != 1 || rooms[0].RoomID != stuck {
		t.Fatalf("rooms left: %+v; want only %s", rooms, stuck)
	}
}

// Do refuses a name without the prefix before anything is sent.
func TestDoRefusesUnprefixedNames(t *testing.T) {
	run := sweep.NewRun(nil, "")
	for _, name := range []string{"app-room", "tf-acc-testy", "tf-acc-test-"} {
		called := false
		err := run.Do(name, func(context.Context) error { called = true; return nil })
		if err == nil || called {
			t.Errorf("Do(%q): err %v, called %v; want a refusal before the operation", name, err, called)
		}
	}
}

func TestStartSaysWhatIsMissing(t *testing.T) {
	env := func(kv ...string) func(string) string {
		m := map[string]string{}
		for i := 0; i+1 < len(kv); i += 2 {
			m[kv[i]] = kv[i+1]
		}
		return func(k string) string { return m[k] }
	}
	for _, tc := range []struct {
		region string
		getenv func(string) string
		want   string
	}{
		{"mars", env(tfkit.EnvSDKAppID, "1400000001", tfkit.EnvSecretKey, "k"),
			`-sweep="mars" is not a region of the provider; use one of china, frankfurt, jakarta, mumbai, seoul, singapore, tokyo, usa`},
		{"singapore", env(tfkit.EnvSecretKey, "k"), "TENCENTLIVE_SDK_APP_ID is not set"},
		{"singapore", env(tfkit.EnvSDKAppID, "1400000001"), "TENCENTLIVE_SECRET_KEY is not set"},
		{"singapore", env(tfkit.EnvSDKAppID, "abc", tfkit.EnvSecretKey, "k"), `TENCENTLIVE_SDK_APP_ID is "abc"`},
	} {
		_, err := sweep.Start(tc.region, tc.getenv)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Start(%q): %v; want %q", tc.region, err, tc.want)
		}
	}
	run, err := sweep.Start("usa", env(tfkit.EnvSDKAppID, "1400000001", tfkit.EnvSecretKey, "k"))
	if err != nil || run.Region != "usa" {
		t.Fatalf("Start with credentials: %v", err)
	}
}

func TestRecordFilePerApplication(t *testing.T) {
	getenv := func(string) string { return "" }
	a, b := sweep.RecordFile(1400000001, getenv), sweep.RecordFile(1400000002, getenv)
	if a == b || !strings.HasSuffix(a, "1400000001") {
		t.Errorf("record files %q and %q: want one per SDKAppID", a, b)
	}
	if got := sweep.RecordFile(1, func(k string) string {
		return map[string]string{sweep.EnvRecord: "/x/names"}[k]
	}); got != "/x/names" {
		t.Errorf("RecordFile with %s = %q", sweep.EnvRecord, got)
	}
}

func readBody(t *testing.T, r *http.Request) string {
	t.Helper()
	body, err := io.ReadAll(r.Body)
	if err != nil {
		t.Error(err)
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	return string(body)
}
