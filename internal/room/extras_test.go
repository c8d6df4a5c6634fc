package room

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tencentlive/terraform-provider-tencentlive/emulator"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/emutest"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

func TestMetadataProblems(t *testing.T) {
	s := func(v string) *string { return &v }
	if got := metadataProblems(map[string]*string{"a": s(strings.Repeat("x", livespec.MaxMetadataValueBytes)), "b": nil}); len(got) != 0 {
		t.Fatalf("values at the limit, and unknown ones, pass: %v", got)
	}
	eleven := map[string]*string{}
	for _, k := range strings.Split("a b c d e f g h i j k", " ") {
		eleven[k] = s("v")
	}
	cases := map[string]struct {
		values map[string]*string
		want   string
	}{
		"keys":      {eleven, "metadata has 11 keys; the vendor allows at most 10 keys per room (it would answer 100500)."},
		"key bytes": {map[string]*string{strings.Repeat("k", 51): s("v")}, "is 51 bytes; the vendor allows at most 50 bytes per key (it would answer 100504)."},
		"value":     {map[string]*string{"cfg": s(strings.Repeat("v", 2049))}, `metadata["cfg"] is 2049 bytes; the vendor allows at most 2048 bytes per value (it would answer 100501).`},
		"total": {map[string]*string{"a": s(strings.Repeat("v", 2048)), "b": s(strings.Repeat("v", 2048)), "c": s(strings.Repeat("v", 2048)),
			"d": s(strings.Repeat("v", 2048)), "e": s(strings.Repeat("v", 2048)), "f": s(strings.Repeat("v", 2048)), "g": s(strings.Repeat("v", 2048)),
			"h": s(strings.Repeat("v", 2048)), "i": s("v")}, "metadata values are 16385 bytes together; the vendor allows at most 16384 bytes"},
		"empty key": {map[string]*string{"": s("v")}, "metadata has an empty key; the vendor requires at least 1 byte (it would answer 100002)."},
	}
	for name, tc := range cases {
		got := metadataProblems(tc.values)
		if len(got) != 1 || !strings.Contains(got[0], tc.want) {
			t.Errorf("%s: got %q, want one message containing %q", name, got, tc.want)
		}
	}
}

func TestMetadataChanges(t *testing.T) {
	state := metadataMap(map[string]string{"keep": "1", "change": "old", "drop": "x"})
	plan := metadataMap(map[string]string{"keep": "1", "change": "new", "add": "y"})
	set, del := metadataChanges(plan, state)
	if !reflect.DeepEqual(set, map[string]string{"change": "new", "add": "y"}) || !reflect.DeepEqual(del, []string{"drop"}) {
		t.Fatalf("set %v del %v", set, del)
	}
	if set, del := metadataChanges(types.MapNull(types.StringType), state); set != nil || del != nil {
		t.Fatalf("null plan manages nothing: set %v del %v", set, del)
	}
	set, del = metadataChanges(plan, types.MapNull(types.StringType))
	if len(set) != 3 || del != nil {
		t.Fatalf("null state: every planned key set, none deleted: set %v del %v", set, del)
	}
	if set, del := metadataChanges(plan, plan); len(set) != 0 || len(del) != 0 {
		t.Fatalf("no change sends nothing: set %v del %v", set, del)
	}
}

func TestAccountChanges(t *testing.T) {
	add, del := accountChanges([]string{"c", "a", "b"}, []string{"b", "d", "d"})
	if !reflect.DeepEqual(add, []string{"a", "c"}) || !reflect.DeepEqual(del, []string{"d"}) {
		t.Fatalf("add %v del %v", add, del)
	}
}

func TestKeepOwnerChanges(t *testing.T) {
	for _, tc := range []struct {
		state, plan types.Bool
		replace     bool
	}{
		{types.BoolValue(true), types.BoolValue(true), false},
		{types.BoolValue(true), types.BoolValue(false), true},
		{types.BoolNull(), types.BoolNull(), false}, // not reported, not configured
		{types.BoolNull(), types.BoolValue(false), true},
		{types.BoolValue(true), types.BoolUnknown(), true},
	} {
		if got := keepOwnerChanges(tc.state, tc.plan); got != tc.replace {
			t.Errorf("%s -> %s: replace=%v, want %v", tc.state, tc.plan, got, tc.replace)
		}
	}
}

// Update sends only what changed: an unchanged admins set costs no call, a changed one a read
// and one request per direction.
func TestApplyExtrasSendsOnlyChanges(t *testing.T) {
	emu, url := emutest.Serve(t, emulator.Options{})
	c := emutest.RetryingClient(t, url, 0)
	ctx := context.Background()
	for _, u := range []string{"m1", "m2", "b1", "b2"} {
		if err := c.ImportAccount(ctx, wire.Account{UserID: u}); err != nil {
			t.Fatal(err)
		}
	}
	if err := c.CreateRoom(ctx, wire.RoomInfo{RoomID: "r", RoomType: "Live", SeatTemplate: new("Karaoke")}); err != nil {
		t.Fatal(err)
	}
	plan := defaultsPlan("r", "Karaoke")
	plan.Metadata = metadataMap(map[string]string{"a": "1"})
	plan.Admins = tfkit.StringSet([]string{"m1"})
	plan.Robots = tfkit.StringSet([]string{"b1"})
	if f := applyExtras(ctx, c, plan, defaultsPlan("r", "Karaoke"), true); f != nil {
		t.Fatal(f.err)
	}
	emu.ResetStats()
	if f := applyExtras(ctx, c, plan, plan, false); f != nil {
		t.Fatal(f.err)
	}
	if n := emu.Stats().Total; n != 0 {
		t.Fatalf("nothing changed, but %d requests were sent", n)
	}
	next := plan
	next.Robots = tfkit.StringSet([]string{"b2"})
	if f := applyExtras(ctx, c, next, plan, false); f != nil {
		t.Fatal(f.err)
	}
	st := emu.Stats()
	if st.Total != 2 || st.Commands["add_robot"] != 1 || st.Commands["del_robot"] != 1 {
		t.Fatalf("want one add_robot and one del_robot, got %v", st.Commands)
	}
	robots, _ := c.GetRobots(ctx, "r")
	if !reflect.DeepEqual(robots, []string{"b2"}) {
		t.Fatalf("robots %v", robots)
	}
}
