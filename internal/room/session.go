package room

import (
	"context"
	"sync"
	"sync/atomic"

	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

// session is what the room resource remembers across the calls of one provider process. Its
// rules rest on how Terraform drives a provider; each rule has a test in session_test.go.
//
//   - One process per walk, or one for many. Terraform plan and apply start a provider process
//     for each provider configuration and each walk (validate, plan, apply) and send that
//     walk's calls to it, many at once (-parallelism). Terraform 1.16's `terraform test` starts
//     one per provider block of a test file instead, configures it once, and sends it the
//     validate, plan and apply walks of every run in the file, then the clean-up destroys; no
//     call tells the provider where one walk ends and the next begins (Terraform 1.11 started
//     processes per run). So what a walk learns here may meet a later walk's calls: the room
//     claims tell resources apart across walks (claimant) rather than relying on a walk's end.
//   - Duplicate room IDs meet here. Every tencentlive_room of a plan is planned in the same
//     process, so two resources with one room_id are both seen by claim; the protocol does not
//     say which resource address is planned, so the first is described by its values. Each
//     resource instance is planned once per walk, so a room ID claimed again by the same
//     resource is a later walk (the apply walk's re-plan, a later run), never a duplicate.
//   - Private state outlives walks. Terraform stores the private data of Create and ImportState
//     with the room and hands it to every later Read, plan and Delete of that room, so a ticket
//     there (privateTicket) names the room in every walk. A room about to be created has no
//     such data (Create starts from empty private data), so it is known by its configuration,
//     which Terraform evaluates again for each walk, unknown values becoming known.
//   - The apply walk re-plans. Before applying a resource Terraform plans it again in the
//     apply process; only that process creates, updates or deletes. Once one of those has come
//     (tfkit.Walk, told by every resource of the provider) a room re-planned in this process
//     is not looked up again: the plan walk did it, and create_room answers the same.
//   - A replacement is planned twice. Terraform plans a replaced room first from its prior
//     state, then again from a null prior state, handing over the first call's private data
//     (privateOwnRoom); the second call must not claim the room ID again.
//   - Refresh comes before plan in the same process. Read sees a tainted, half-created room
//     (privateHalfCreated) before the plan that replaces it; halfCreated tells that plan the
//     room under that ID is this configuration's own, not one to refuse or adopt.
//   - Room plans arrive one after another, tens of milliseconds apart, up to -parallelism at
//     once. planning counts the rooms in ModifyPlan now, so the account look-ups of all of
//     them ride in few account_check batches (accountChecks).
//   - The first PlannedChecksAlways look-ups always go out; later ones only into an idle
//     request slot (checks counts them), so a plan of many rooms is not held up.
type session struct {
	checks      atomic.Int64    // plan-time look-ups so far (see PlannedChecksAlways)
	claims      roomClaims      // room IDs planned, created or imported by this process's resources
	halfCreated sync.Map        // room IDs of tainted half-created rooms seen by Read
	accounts    accountChecks   // plan-time account_check look-ups, batched
	planning    atomic.Int64    // rooms in ModifyPlan now, for accountChecks' batches
	templates   listedTemplates // seat templates get_room_list reports, for reads without one
}

// sessionOf returns the room session of d's provider process.
func sessionOf(d *tfkit.ProviderData) *session { return tfkit.Session[session](d) }

// roomPlanning counts a room into planning until the returned func is called.
func (s *session) roomPlanning() (done func()) {
	s.planning.Add(1)
	return func() { s.planning.Add(-1); s.accounts.roomPlanned() }
}

// nextCheckOptional counts one more plan-time look-up and reports whether it is beyond the
// first PlannedChecksAlways, and so may use only an idle request slot.
func (s *session) nextCheckOptional() bool { return s.checks.Add(1) > PlannedChecksAlways }

// checksOptional reports whether the look-ups so far are beyond the first PlannedChecksAlways.
func (s *session) checksOptional() bool { return s.checks.Load() > PlannedChecksAlways }

// lookupAccounts asks, batched with the other rooms being planned, whether userIDs are
// imported (see accountChecks.lookup).
func (s *session) lookupAccounts(ctx context.Context, c *wire.Client, userIDs []string) map[string]accountAnswer {
	return s.accounts.lookup(ctx, c, userIDs, &s.planning, s.checksOptional)
}

// sawHalfCreated records that Read met roomID as a tainted half-created room.
func (s *session) sawHalfCreated(roomID string) { s.halfCreated.Store(roomID, true) }

// halfCreatedRoom reports whether Read saw roomID as a tainted half-created room of this
// configuration in this plan's refresh (see privateHalfCreated).
func (s *session) halfCreatedRoom(roomID types.String) bool {
	if !tfkit.Known(roomID) {
		return false
	}
	_, ok := s.halfCreated.Load(roomID.ValueString())
	return ok
}

// roomClaims records which resource claims each room ID, so that two tencentlive_room resources of
// one plan with the same room_id are refused: without this both would "manage" one room, every
// plan would flip its attributes between the two configurations, and destroying either would
// dismiss it. The plugin protocol does not tell a provider which resource address it plans, and
// one process may serve several walks (see session), so a claim names its resource as the
// provider can tell it apart from the others across walks (claimant), and a room ID claimed
// again by the same resource is no duplicate.
type roomClaims struct {
	mu  sync.Mutex
	ids map[string]claimant // room_id → the resource that holds it
}

// planned reports whether a resource of this process claimed roomID.
func (c *roomClaims) planned(roomID string) bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	_, ok := c.ids[roomID]
	return ok
}

// claimant is a resource as the claims tell it apart. A room in the state carries a ticket in its
// private state (privateTicket: set by Create and ImportState, or by the first Read of a room
// from a provider version without tickets; kept by every later call), the same in every walk
// that plans it. A room not created yet has no private state that outlives the plan (Terraform
// 1.16 hands the plan's private data to the apply walk's re-plan, but terraform-plugin-go v0.31
// and the framework v1.19 do not pass it on), so it is known by its configuration: planned
// again (in the apply walk, or in a later run of a test file) it has the same configuration,
// where values unknown earlier may have become known.
//
// What this cannot tell apart, the limits of a plan call's view:
//   - Two new rooms whose configurations are the same but for the address (count without
//     count.index in room_id or anything else) look like one room planned twice, and pass the
//     plan. The apply refuses the second before it sends create_room: its re-plan or its
//     Create finds the room ID held by the first one's ticket (startCreate), or its re-plan's
//     look-up (checkExisting), under way as the first Create began, finds the room.
//   - In one test file under Terraform 1.16, a new room planned by a plan-only run and then,
//     with other values, by a later run, before it was ever created, looks like two resources.
type claimant struct {
	inState bool
	ticket  string        // an in-state room's ticket; "" for one from before tickets not refreshed
	config  tftypes.Value // a new room's configuration
	who     string        // the resource described for a diagnostic (claimantOf)
}

// sameResource reports whether later is the resource that made the claim earlier, planned again.
func (earlier claimant) sameResource(later claimant) bool {
	if earlier.inState != later.inState {
		return false
	}
	if earlier.inState {
		return earlier.ticket == later.ticket
	}
	return refines(earlier.config, later.config)
}

// refines reports whether later is earlier with none, some or all of earlier's unknown values
// known: what Terraform makes of one resource's configuration between walks.
func refines(earlier, later tftypes.Value) bool {
	if earlier.Type() == nil || later.Type() == nil || !earlier.Type().Equal(later.Type()) {
		return false
	}
	diffs, err := earlier.Diff(later)
	if err != nil {
		return false
	}
	for _, d := range diffs {
		if (d.Value1 == nil || d.Value1.IsKnown()) && !unknownAbove(earlier, d.Path) {
			return false
		}
	}
	return true
}

// unknownAbove reports whether a step on the way to p in v is unknown, so that whatever lies
// at p in another value refines it.
func unknownAbove(v tftypes.Value, p *tftypes.AttributePath) bool {
	steps := p.Steps()
	for i := range steps {
		at, _, err := tftypes.WalkAttributePath(v, tftypes.NewAttributePathWithSteps(steps[:i]))
		if err != nil {
			return false
		}
		if value, ok := at.(tftypes.Value); ok && !value.IsKnown() {
			return true
		}
	}
	return false
}

// claim records roomID for c. It returns the resource that holds roomID otherwise, or "" when
// roomID was free or c holds it already (the same resource planned again).
func (c *roomClaims) claim(roomID string, by claimant) (earlier string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if prev, taken := c.ids[roomID]; taken && !prev.sameResource(by) {
		return prev.who
	}
	if c.ids == nil {
		c.ids = map[string]claimant{}
	}
	c.ids[roomID] = by // the later claim: its values are at least as known
	return ""
}

// startCreate hands roomID to the room with ticket that a Create is about to make: from now on
// it is planned from the state, whatever claimed the ID before. It returns the room that holds
// roomID after its own Create or ImportState in this process (and refuses), or "".
func (c *roomClaims) startCreate(roomID, ticket, who string) (holder string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if prev, ok := c.ids[roomID]; ok && prev.inState && prev.ticket != "" {
		return prev.who
	}
	if c.ids == nil {
		c.ids = map[string]claimant{}
	}
	c.ids[roomID] = claimant{inState: true, ticket: ticket, who: who}
	return ""
}

// release frees roomID when the room with ticket held it: the room was destroyed, found gone or
// planned for destruction, so another resource may create a room with that ID.
func (c *roomClaims) release(roomID, ticket string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if prev, ok := c.ids[roomID]; ok && prev.inState && prev.ticket == ticket {
		delete(c.ids, roomID)
	}
}
