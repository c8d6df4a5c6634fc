package room

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

// accountChecks looks up, at plan time, the accounts that planned rooms name (owner_account):
// one account_check per batch of up to livespec.MaxAccountsPerOp user IDs, and each user ID at
// most once per plan, so a thousand rooms of three hosts cost one request. A batch is sent after
// accountBatchWindow, or at once when it is full or when every room being planned waits for it
// (see accountBatchAllWaiting). A look-up that fails or finds no idle request slot leaves the
// question to apply.
type accountChecks struct {
	mu       sync.Mutex
	entries  map[string]*accountCheck
	pending  []string
	waiting  int64         // look-ups waiting for an answer
	planning *atomic.Int64 // rooms in ModifyPlan now (session.planning)
	client   *wire.Client  // set with planning by the first look-up; its clock times the window
	optional func() bool   // whether a batch may use only an idle request slot
	window   time.Duration // 0: accountBatchWindow
	flushAt  time.Time     // the pending batch goes out then, unless it is taken before
	deadline time.Time     // flushAt is never later (accountBatchMaxWait)
	stopWait func()        // ends the pending batch's wait (flushWhenDue) once it is taken
	batch    int           // counts batches taken, so a late wait cannot take the next one
}

// accountCheck is the answer for one user ID; done is closed when it is known.
type accountCheck struct {
	done     chan struct{}
	checked  bool // false: not looked up (busy limiter, failed request)
	imported bool
}

// accountBatchWindow is how long a pending batch waits for the next room's look-up: each room
// that asks starts the window again. A fixed window from the first look-up split a plan of five
// rooms in two on a loaded machine, where Terraform starts room plans tens of milliseconds
// apart. (Holding the batch while rooms are being planned is no better: those rooms may be
// waiting on their own existence checks, and every room waiting here holds a CLI slot.)
const accountBatchWindow = 50 * time.Millisecond

// accountBatchMaxWait bounds how long the first look-up of a batch waits for the others.
const accountBatchMaxWait = time.Second

// accountBatchAllWaiting is how many rooms must wait, all the rooms being planned, before a
// batch goes out early. Terraform starts room plans one after another, so a few rooms in flight
// say little (the window gathers them); Terraform's default -parallelism of 10 all waiting means
// no more owners can arrive until the answer comes.
const accountBatchAllWaiting = 10

// accountCheckTimeout bounds one batch's request, retries included.
const accountCheckTimeout = 30 * time.Second

// accountAnswer is what a plan learnt of one account: whether it is imported, and whether that
// is known at all (false: not looked up, left to apply).
type accountAnswer struct{ imported, checked bool }

// lookup returns, for each of userIDs (one room's owner, admins and robots), whether it is
// imported and whether that is known; a user ID missing from the answer was not looked up (the
// plan was cancelled). optional says whether a batch may use only an idle request slot (see
// PlannedChecksAlways); planning counts the rooms being planned. A room waits once, for all its
// user IDs together, so its look-ups ride in the same batches as the other rooms'.
func (a *accountChecks) lookup(ctx context.Context, c *wire.Client, userIDs []string, planning *atomic.Int64, optional func() bool) map[string]accountAnswer {
	a.mu.Lock()
	a.client, a.planning, a.optional = c, planning, optional
	checks := make(map[string]*accountCheck, len(userIDs))
	for _, id := range userIDs {
		checks[id] = a.entryLocked(id)
	}
	a.waiting++
	a.sendIfAllWaitLocked()
	a.rearmLocked()
	a.mu.Unlock()
	defer func() { a.mu.Lock(); a.waiting--; a.mu.Unlock() }()
	answers := make(map[string]accountAnswer, len(checks))
	for id, e := range checks {
		select {
		case <-e.done:
			answers[id] = accountAnswer{imported: e.imported, checked: e.checked}
		case <-ctx.Done():
			return answers
		}
	}
	return answers
}

// entryLocked returns the look-up of userID, queueing it in the pending batch the first time it
// is asked for; a batch that fills up goes out at once. a.mu is held.
func (a *accountChecks) entryLocked(userID string) *accountCheck {
	if e, seen := a.entries[userID]; seen {
		return e
	}
	if a.entries == nil {
		a.entries = map[string]*accountCheck{}
	}
	e := &accountCheck{done: make(chan struct{})}
	a.entries[userID] = e
	a.pending = append(a.pending, userID)
	switch {
	case len(a.pending) >= livespec.MaxAccountsPerOp:
		ids, c, optional := a.takeBatchLocked()
		go a.send(ids, c, optional)
	case len(a.pending) == 1:
		now := a.client.Clock().Now()
		a.deadline = now.Add(accountBatchMaxWait)
		a.flushAt = now.Add(a.windowLength())
		ctx, cancel := context.WithCancel(context.Background())
		a.stopWait = cancel
		go a.flushWhenDue(ctx, a.batch, a.client.Clock())
	}
	return e
}

func (a *accountChecks) windowLength() time.Duration {
	if a.window == 0 {
		return accountBatchWindow
	}
	return a.window
}

// rearmLocked starts the pending batch's window again, up to its deadline. a.mu is held.
func (a *accountChecks) rearmLocked() {
	if len(a.pending) == 0 {
		return
	}
	a.flushAt = a.client.Clock().Now().Add(a.windowLength())
	if a.flushAt.After(a.deadline) {
		a.flushAt = a.deadline
	}
}

// roomPlanned is called when a room's plan ends: the rooms still being planned may now all be
// waiting for the pending batch.
func (a *accountChecks) roomPlanned() {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.sendIfAllWaitLocked()
}

// sendIfAllWaitLocked sends the pending batch when it is full or when every room being planned
// waits for an answer. a.mu is held.
func (a *accountChecks) sendIfAllWaitLocked() {
	if len(a.pending) == 0 || a.planning == nil {
		return
	}
	allWait := a.waiting >= a.planning.Load() && a.waiting >= accountBatchAllWaiting
	if len(a.pending) >= livespec.MaxAccountsPerOp || allWait {
		ids, c, optional := a.takeBatchLocked()
		go a.send(ids, c, optional)
	}
}

// flushWhenDue sends batch at its flushAt by clock (which rearmLocked may move on while it
// waits), unless the batch has been taken already.
func (a *accountChecks) flushWhenDue(ctx context.Context, batch int, clock wire.Clock) {
	for {
		a.mu.Lock()
		if batch != a.batch {
			a.mu.Unlock()
			return
		}
		wait := a.flushAt.Sub(clock.Now())
		if wait <= 0 {
			ids, c, optional := a.takeBatchLocked()
			a.mu.Unlock()
			a.send(ids, c, optional)
			return
		}
		a.mu.Unlock()
		if clock.Sleep(ctx, wait) != nil {
			return // taken while waiting
		}
	}
}

// takeBatchLocked takes the pending user IDs as one batch. a.mu is held.
func (a *accountChecks) takeBatchLocked() ([]string, *wire.Client, bool) {
	ids := a.pending
	a.pending = nil
	a.batch++
	if a.stopWait != nil {
		a.stopWait()
		a.stopWait = nil
	}
	return ids, a.client, a.optional()
}

// send sends one account_check for ids and answers their look-ups.
func (a *accountChecks) send(ids []string, c *wire.Client, optional bool) {
	ctx, cancel := context.WithTimeout(context.Background(), accountCheckTimeout)
	defer cancel()
	if optional {
		ctx = wire.WhenIdle(ctx)
	}
	statuses, err := c.CheckAccounts(ctx, ids)
	found := map[string]wire.AccountStatus{}
	if err == nil {
		for _, s := range statuses {
			found[s.UserID] = s
		}
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	for _, id := range ids {
		e := a.entries[id]
		if s, ok := found[id]; ok && s.ResultCode == 0 {
			e.checked, e.imported = true, s.Imported
		}
		close(e.done)
	}
}
