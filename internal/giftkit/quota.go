package giftkit

import (
	"context"
	"sync/atomic"
	"time"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
)

// The package's quota (100013) counts what exists. An apply that deletes one gift or category
// and creates another in its place (a seasonal category swapped in at the quota) runs both at
// once, as Terraform sees no dependency between them, and the create may reach the service
// before the delete: the create then waits for the delete and tries again.

// deleteQuiet is how long a create refused for the quota waits, with no delete of its kind
// running in this process, before it reports the refusal.
const deleteQuiet = 2 * time.Second

// activity follows operations of one kind that run in this process (gift creates, deletes of
// gifts or of categories): how many run now, and when one last started or ended.
type activity struct {
	running atomic.Int64
	last    atomic.Int64 // Unix ns
}

// start records an operation that began; call the returned func when it ends.
func (a *activity) start() (end func()) {
	a.running.Add(1)
	a.last.Store(time.Now().UnixNano())
	return func() {
		a.last.Store(time.Now().UnixNano())
		a.running.Add(-1)
	}
}

// await polls until cond holds (true), or until no operation has been running for quiet,
// counted from the call at the earliest, or ctx ends (false).
func (a *activity) await(ctx context.Context, quiet time.Duration, cond func() bool) bool {
	started := time.Now().UnixNano()
	for {
		if cond() {
			return true
		}
		if a.running.Load() == 0 && time.Since(time.Unix(0, max(started, a.last.Load()))) > quiet {
			return false
		}
		select {
		case <-ctx.Done():
			return false
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// Deletes follows the deletes of one kind (gifts or categories) in this process.
type Deletes struct {
	activity
	done atomic.Uint64 // deletes that succeeded
}

// Start records a delete that began; call the returned func with whether it succeeded.
func (d *Deletes) Start() (end func(deleted bool)) {
	ended := d.start()
	return func(deleted bool) {
		if deleted {
			d.done.Add(1)
		}
		ended()
	}
}

// awaitOne waits until more than seen deletes have succeeded, as activity.await.
func (d *Deletes) awaitOne(ctx context.Context, seen uint64, quiet time.Duration) bool {
	return d.await(ctx, quiet, func() bool { return d.done.Load() > seen })
}

// AddWithinQuota sends add; when the package's quota refuses it (100013) while deletes of the
// same kind run in this process, it sends it again each time one of them frees a slot.
func AddWithinQuota(ctx context.Context, deletes *Deletes, add func() error) error {
	return addWithinQuota(ctx, deletes, deleteQuiet, add)
}

func addWithinQuota(ctx context.Context, deletes *Deletes, quiet time.Duration, add func() error) error {
	for {
		seen := deletes.done.Load()
		err := add()
		if !tfkit.IsCode(err, livespec.CodeOverPackageLimit) || !deletes.awaitOne(ctx, seen, quiet) {
			return err
		}
	}
}
