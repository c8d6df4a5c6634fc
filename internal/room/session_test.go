package room

import (
	"context"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/tencentlive/terraform-provider-tencentlive/emulator"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/emutest"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/testclock"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

// The rules of session (session.go), one test each; the rules whose proof needs the Terraform
// CLI or the whole plan call name their tests here too:
//   - duplicate room IDs: TestSessionClaimsOneRoomIDOnce, TestPlanRefusesADuplicateRoomID,
//     TestCreateRefusesARoomIDAnotherResourceCreated
//   - one process for many walks: TestSessionKnowsANewRoomPlannedAgain,
//     TestSessionKnowsARoomInStateByItsTicket, TestSessionFollowsTheRoomsLife,
//     TestReliability/TerraformTestFile (the shape of Terraform 1.16's terraform test)
//   - the apply walk re-plans: TestNoPlanChecksInTheApplyWalk, TestAccRoom_noChecksInTheApplyWalk
//   - a replacement is planned twice: TestAccRoom_replaceOnCreateOnlyFields (the second plan
//     call's private data cannot be built outside the framework)
//   - refresh comes before plan: TestSessionRemembersHalfCreatedRooms
//   - room plans arrive one after another: TestAccountChecksWindowFollowsTheRooms,
//     TestSessionBatchWindowRunsOnTheClientsClock
//   - the first look-ups always go out: TestSessionCountsPlanTimeChecks,
//     TestPlanChecksBeyondTheFirstUseIdleSlotsOnly

// One process per walk: every resource value the framework builds for one provider
// configuration reaches the same session; another configuration has its own.
func TestSessionIsOnePerProviderConfiguration(t *testing.T) {
	d, other := &tfkit.ProviderData{}, &tfkit.ProviderData{}
	first, firstWalk := sessionOf(d), tfkit.WalkOf(d)
	if sessionOf(d) != first || tfkit.WalkOf(d) != firstWalk {
		t.Fatal("two calls for one configuration got different sessions")
	}
	if sessionOf(d) == sessionOf(other) || tfkit.WalkOf(d) == tfkit.WalkOf(other) {
		t.Fatal("two configurations share a session")
	}
	r1, r2 := &roomResource{data: d}, &roomResource{data: d}
	resp := newPlanResponse()
	r1.claimRoomID(defaultsPlan("shared", "Karaoke"), newRoomClaimant(t, defaultsPlan("shared", "Karaoke")), resp)
	r2.claimRoomID(defaultsPlan("shared", "AudioSalon"), newRoomClaimant(t, defaultsPlan("shared", "AudioSalon")), resp)
	if resp.Diagnostics.ErrorsCount() != 1 {
		t.Fatalf("two resource values of one configuration must see each other's claims: %v", resp.Diagnostics)
	}
}

// Duplicate room IDs meet in the session: the first claimant is remembered, the second told
// who it was; another room ID is free.
func TestSessionClaimsOneRoomIDOnce(t *testing.T) {
	var s session
	first, second := inStateClaimant("t1", "the first"), inStateClaimant("t2", "the second")
	if earlier := s.claims.claim("r", first); earlier != "" {
		t.Fatalf("a free room ID was taken by %q", earlier)
	}
	if earlier := s.claims.claim("r", second); earlier != "the first" {
		t.Fatalf("second claim: got %q, want the first claimant", earlier)
	}
	if earlier := s.claims.claim("other", second); earlier != "" {
		t.Fatalf("another room ID was taken by %q", earlier)
	}
}

// One process may serve many walks: a new room planned again (the apply walk's re-plan, a later
// run of a test file) has the same configuration, or one whose unknown values became known, and
// is no duplicate. Another configuration with the same room ID is, whichever is more known.
func TestSessionKnowsANewRoomPlannedAgain(t *testing.T) {
	var s session
	planned := defaultsPlan("x", "Karaoke")
	planned.OwnerAccount = types.StringUnknown() // from an account created in the same apply
	applied := defaultsPlan("x", "Karaoke")
	if earlier := s.claims.claim("x", newRoomClaimant(t, planned)); earlier != "" {
		t.Fatalf("a free room ID was taken by %q", earlier)
	}
	if earlier := s.claims.claim("x", newRoomClaimant(t, applied)); earlier != "" {
		t.Fatalf("the same room planned again with its owner known was refused as a duplicate of %q", earlier)
	}
	if earlier := s.claims.claim("x", newRoomClaimant(t, applied)); earlier != "" {
		t.Fatalf("the same room planned a third time was refused as a duplicate of %q", earlier)
	}
	other := defaultsPlan("x", "Karaoke")
	other.RoomName = types.StringValue("Another block")
	if earlier := s.claims.claim("x", newRoomClaimant(t, other)); earlier == "" {
		t.Fatal("another configuration with the same room ID was taken for the same resource")
	}
	// The owner, once known, is compared: the earlier claim holds the applied configuration now.
	otherOwner := defaultsPlan("x", "Karaoke")
	otherOwner.OwnerAccount = types.StringValue("someone-else")
	if earlier := s.claims.claim("x", newRoomClaimant(t, otherOwner)); earlier == "" {
		t.Fatal("a configuration with another owner was taken for the same resource")
	}
}

// A room in the state is known by its ticket in every walk; a room without one (state written
// before tickets) is known as such. A new room is never one in the state.
func TestSessionKnowsARoomInStateByItsTicket(t *testing.T) {
	var s session
	if earlier := s.claims.claim("x", inStateClaimant("t1", "room one")); earlier != "" {
		t.Fatalf("a free room ID was taken by %q", earlier)
	}
	if earlier := s.claims.claim("x", inStateClaimant("t1", "room one, updated")); earlier != "" {
		t.Fatalf("the same room planned again was refused as a duplicate of %q", earlier)
	}
	if earlier := s.claims.claim("x", inStateClaimant("t2", "room two")); earlier != "room one, updated" {
		t.Fatalf("another room in the state with the same room ID: got %q", earlier)
	}
	if earlier := s.claims.claim("x", newRoomClaimant(t, defaultsPlan("x", "Karaoke"))); earlier != "room one, updated" {
		t.Fatalf("a new room with the ID of one in the state: got %q", earlier)
	}
	if earlier := s.claims.claim("old", inStateClaimant("", "untracked")); earlier != "" {
		t.Fatalf("a free room ID was taken by %q", earlier)
	}
	if earlier := s.claims.claim("old", inStateClaimant("", "untracked")); earlier != "" {
		t.Fatalf("a room without a ticket planned again was refused as a duplicate of %q", earlier)
	}
}

// Create hands the room ID to the room it makes: its later plans, from the state, are its own;
// a new room with that ID (the apply walk's re-plan of a second, identical block) and a second
// Create are refused.
// Destroying the room, or finding it gone, frees the ID for a room created later.
func TestSessionFollowsTheRoomsLife(t *testing.T) {
	var s session
	config := newRoomClaimant(t, defaultsPlan("x", "Karaoke"))
	s.claims.claim("x", config)
	if holder := s.claims.startCreate("x", "t1", "the created room"); holder != "" {
		t.Fatalf("a room ID claimed by a plan only was refused to its Create: held by %q", holder)
	}
	if holder := s.claims.startCreate("x", "t2", "a second create"); holder != "the created room" {
		t.Fatalf("a second Create of the room ID: got holder %q", holder)
	}
	if earlier := s.claims.claim("x", inStateClaimant("t1", "the created room")); earlier != "" {
		t.Fatalf("the created room planned from the state was refused as a duplicate of %q", earlier)
	}
	if earlier := s.claims.claim("x", config); earlier != "the created room" {
		t.Fatalf("a new room with the ID of a created one: got %q", earlier)
	}
	s.claims.release("x", "t2")
	if earlier := s.claims.claim("x", config); earlier == "" {
		t.Fatal("another room's release freed the room ID")
	}
	s.claims.release("x", "t1")
	if earlier := s.claims.claim("x", config); earlier != "" {
		t.Fatalf("a destroyed room's ID is still held by %q", earlier)
	}
}

// Refresh comes before plan: a half-created room seen by Read is this configuration's own for
// the plan that follows; nothing else is, and an unknown room ID never is.
func TestSessionRemembersHalfCreatedRooms(t *testing.T) {
	var s session
	s.sawHalfCreated("half")
	if !s.halfCreatedRoom(types.StringValue("half")) {
		t.Fatal("a room Read saw half-created is not remembered")
	}
	if s.halfCreatedRoom(types.StringValue("other")) || s.halfCreatedRoom(types.StringUnknown()) || s.halfCreatedRoom(types.StringNull()) {
		t.Fatal("only the room Read saw is half-created")
	}
}

// The first PlannedChecksAlways look-ups of a process always go out; the later ones may use
// only an idle slot, and so may account batches once the checks are past the first ones.
func TestSessionCountsPlanTimeChecks(t *testing.T) {
	var s session
	for i := range PlannedChecksAlways {
		if s.nextCheckOptional() {
			t.Fatalf("look-up %d of the first %d was made optional", i+1, PlannedChecksAlways)
		}
	}
	if s.checksOptional() {
		t.Fatal("account batches became optional within the first look-ups")
	}
	if !s.nextCheckOptional() || !s.checksOptional() {
		t.Fatal("the look-up after the first ones must be optional")
	}
}

// Room plans come one after another: roomPlanning counts a room in while its plan runs, and
// its end lets a batch that every planned room waits for go out.
func TestSessionCountsRoomsBeingPlanned(t *testing.T) {
	var s session
	done := s.roomPlanning()
	done2 := s.roomPlanning()
	if n := s.planning.Load(); n != 2 {
		t.Fatalf("planning = %d, want 2", n)
	}
	done()
	done2()
	if n := s.planning.Load(); n != 0 {
		t.Fatalf("planning = %d after both plans ended, want 0", n)
	}
}

// The account batch window is timed by the client's clock, not the system's: with an hour's
// window on a clock whose sleeps return at once, a lone look-up is answered at once, after
// accountBatchMaxWait by that clock (the window never holds a batch longer).
func TestSessionBatchWindowRunsOnTheClientsClock(t *testing.T) {
	_, url := emutest.Serve(t, emulator.Options{})
	clock := testclock.NewStepping(time.Unix(1_800_000_000, 0))
	c, err := wire.New(wire.Config{SDKAppID: emulator.DefaultSDKAppID, SecretKey: emulator.DefaultSecretKey,
		Identifier: emulator.DefaultAdmin, BaseURL: url, Clock: clock})
	if err != nil {
		t.Fatal(err)
	}
	var planning atomic.Int64
	planning.Store(1)
	a := &accountChecks{window: time.Hour}
	answers := make(chan map[string]accountAnswer, 1)
	go func() {
		answers <- a.lookup(context.Background(), c, []string{emulator.DefaultAdmin}, &planning, func() bool { return false })
	}()
	select {
	case got := <-answers:
		if !got[emulator.DefaultAdmin].checked || !got[emulator.DefaultAdmin].imported {
			t.Fatalf("the admin's look-up: %+v", got)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("the look-up waited for the system clock: the window is not on the client's clock")
	}
	if slept := clock.Slept(); slept != accountBatchMaxWait {
		t.Fatalf("the client's clock slept %v, want the batch's longest wait, %v", slept, accountBatchMaxWait)
	}
}

// newPlanResponse is a ModifyPlanResponse for calls that only add diagnostics.
func newPlanResponse() *resource.ModifyPlanResponse { return &resource.ModifyPlanResponse{} }

// roomConfig is m as the raw configuration value a plan call gets.
func roomConfig(t *testing.T, m roomModel) tftypes.Value {
	t.Helper()
	var raw tftypes.Value
	var diags diag.Diagnostics
	if len(m.Timeouts.AttributeTypes(context.Background())) == 0 { // a zero Value has no timeouts type
		m.Timeouts = timeouts.Value{Object: types.ObjectNull(map[string]attr.Type{
			"create": types.StringType, "read": types.StringType, "update": types.StringType, "delete": types.StringType})}
	}
	setRoom(context.Background(), &raw, m, &diags)
	if diags.HasError() {
		t.Fatal(diags)
	}
	return raw
}

// newRoomClaimant is the claimant of a new room configured as m.
func newRoomClaimant(t *testing.T, m roomModel) claimant {
	return claimant{config: roomConfig(t, m), who: claimantOf(m, false)}
}

// inStateClaimant is the claimant of a room in the state with ticket.
func inStateClaimant(ticket, who string) claimant {
	return claimant{inState: true, ticket: ticket, who: who}
}

// Create hands the room ID to the room it made (TestSessionFollowsTheRoomsLife): a second
// resource with a configuration alike but for its address, which passed the plan as the same
// room planned again, is refused at its Create before anything is sent.
func TestCreateRefusesARoomIDAnotherResourceCreated(t *testing.T) {
	r, c := newTestRoomResource(t)
	p := defaultsPlan("twin", "Karaoke")
	if resp := createFromPlan(t, r, p); resp.Diagnostics.HasError() {
		t.Fatalf("the first create must pass: %v", resp.Diagnostics)
	}
	if earlier := sessionOf(r.data).claims.claim("twin", newRoomClaimant(t, p)); earlier == "" {
		t.Fatal("after its Create the room ID must be held by the created room")
	}
	before := c.Stats().ByCommand["create_room"].Requests
	resp := createFromPlan(t, r, p)
	if resp.Diagnostics.ErrorsCount() != 1 || resp.Diagnostics.Errors()[0].Summary() != "Duplicate live room ID" {
		t.Fatalf("the second create: want one Duplicate live room ID error, got %v", resp.Diagnostics)
	}
	if after := c.Stats().ByCommand["create_room"].Requests; after != before {
		t.Fatalf("the refused create sent create_room (%d requests, want %d)", after, before)
	}
}
