package room

import (
	"context"
	"sync"
	"sync/atomic"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

// session is what the room resource remembers across the calls of one provider process. Its
// rules rest on how Terraform drives a provider; each rule has a test in session_test.go.
//
//   - One process per walk. Terraform starts a provider process for each provider
//     configuration and each walk (validate, plan, apply) and sends that walk's calls to it,
//     many at once (-parallelism). So state here is the state of one walk: a plan's room IDs
//     (claims) cannot leak into the next plan.
//   - Duplicate room IDs meet here. Every tencentlive_room of a plan is planned in the same
//     process, so two resources with one room_id are both seen by claim; the protocol does not
//     say which resource address is planned, so the first is described by its values.
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
	checks      atomic.Int64  // plan-time look-ups so far (see PlannedChecksAlways)
	claims      roomClaims    // room IDs planned by this process's resources
	halfCreated sync.Map      // room IDs of tainted half-created rooms seen by Read
	accounts    accountChecks // plan-time account_check look-ups, batched
	planning    atomic.Int64  // rooms in ModifyPlan now, for accountChecks' batches
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

// roomClaims records the room IDs that the resources of one plan claim. Terraform runs one
// provider process per provider configuration and walk, so two tencentlive_room resources with
// the same room_id meet here: without this both would "manage" one room, every plan would flip
// its attributes between the two configurations, and destroying either would dismiss it.
// The plugin protocol does not tell a provider which resource address it plans, so the first
// claimant is described by its values.
type roomClaims struct {
	mu  sync.Mutex
	ids map[string]string // room_id → description of the first claimant
}

// claim records roomID for the resource described by who. It returns the description of the
// resource that claimed roomID earlier in this plan, or "" when roomID was free.
func (c *roomClaims) claim(roomID, who string) (earlier string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if prev, taken := c.ids[roomID]; taken {
		return prev
	}
	if c.ids == nil {
		c.ids = map[string]string{}
	}
	c.ids[roomID] = who
	return ""
}
