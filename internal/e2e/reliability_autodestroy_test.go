package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/tencentlive/terraform-provider-tencentlive/emulator"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/sweep"
)

// goneWarning is the summary of the warning Read gives for a room the platform dismissed.
const goneWarning = "Live room no longer exists"

// testAutoDestroy lets the platform dismiss the rooms on its own (-room-ttl, the emulator's
// stand-in for auto-destroy): the next plan must show them for re-creation with a warning and no
// error, and the apply must re-create them, again without an error.
func (r *reliability) testAutoDestroy(t *testing.T) {
	const (
		n      = 5
		ttl    = 10 * time.Second // room for apply + checks + re-plan before the new rooms go too
		prefix = sweep.Prefix + "ttl-"
	)
	spec := roomsSpec(prefix, "v1")
	emu, _ := r.emulator(t, EmulatorOptions{RoomTTL: ttl, QPS: emulator.DocumentedQPS})
	ws := r.workspace(t, emu.ProviderEnv(), roomsConfig(n, prefix, "v1"))

	assertNoDiagnostics(t, mustSucceed(t, ws, Apply(0), RunOptions{}))
	first := assertConverged(t, emu, ws, n, spec)
	var last time.Time
	for _, room := range first {
		if room.CreateTime.After(last) {
			last = room.CreateTime
		}
	}
	time.Sleep(time.Until(last.Add(ttl + 200*time.Millisecond)))
	if got := roomCount(emu); got != 0 {
		t.Fatalf("%d rooms outlived the %v TTL", got, ttl)
	}

	plan := mustSucceed(t, ws, Plan(0), RunOptions{})
	warned := assertOnlyWarnings(t, plan, goneWarning)
	text := normalized(plan.Stdout + plan.Stderr)
	for _, want := range []string{"Plan: 5 to add, 0 to change, 0 to destroy.", "was not found (100004); removing it from state"} {
		if !strings.Contains(text, want) {
			t.Fatalf("plan after the TTL lacks %q:\n%s", want, tail(plan.Stdout+plan.Stderr, 4000))
		}
	}
	if warned == 0 {
		t.Fatal("the plan re-creates the rooms without warning that the platform removed them")
	}

	apply := mustSucceed(t, ws, Apply(0), RunOptions{})
	assertOnlyWarnings(t, apply, goneWarning)
	if !strings.Contains(apply.Stdout, "Apply complete! Resources: 5 added, 0 changed, 0 destroyed.") {
		t.Fatalf("apply after the TTL:\n%s", tail(apply.Stdout, 3000))
	}
	second := assertConverged(t, emu, ws, n, spec)
	for i, room := range second {
		if !room.CreateTime.After(first[i].CreateTime) {
			t.Fatalf("room %q was not re-created: created %v, first created %v", room.RoomID, room.CreateTime, first[i].CreateTime)
		}
	}
	assertPlanEmpty(t, ws, 0)
	figure(t, "%d rooms dismissed by the platform (-room-ttl %v): plan exit 0, \"Plan: 5 to add\" with warning %q, apply re-created all %d in %.1fs with no error, re-plan empty",
		n, ttl, goneWarning, n, apply.Wall.Seconds())
}
