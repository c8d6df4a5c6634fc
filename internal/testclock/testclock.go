// Package testclock holds the fake clocks that tests share, so that tests of the client
// (internal/wire), of the provider (internal/room) and of the emulator run on simulated time
// instead of the wall clock. Each clock has the methods of wire.Clock (Now, Sleep), and its Now
// method can be the emulator's Options.Now.
//
// Stepping suits a single caller that must not wait at all: each Sleep returns at once, the
// time having moved on by its duration. Manual suits tests that decide when time passes: a
// Sleep returns only once Advance has moved the clock past its end.
//
// The package imports the standard library only, so that the emulator's own tests, and tests
// of the packages the emulator serves, can all use it.
package testclock

import (
	"context"
	"sync"
	"time"
)

// Stepping is a clock whose Sleep returns at once, the time having moved on by the sleep's
// duration: code that backs off or paces itself runs without waiting, and the test reads
// how long it would have slept. After BlockSleeps, a Sleep waits for its context instead.
type Stepping struct {
	mu       sync.Mutex
	now      time.Time
	sleeps   []time.Duration
	sleeping chan time.Duration // set by BlockSleeps
}

// NewStepping returns a Stepping clock that reads start.
func NewStepping(start time.Time) *Stepping { return &Stepping{now: start} }

// Now is the clock's time.
func (c *Stepping) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// Sleep moves the clock on by d, records d and returns nil, or ctx.Err() if ctx is done
// already. After BlockSleeps it reports d on the channel BlockSleeps returned and then waits
// for ctx alone, neither moving the clock nor recording d: a test sees its code sit in a wait
// and can check that cancelling ends it.
func (c *Stepping) Sleep(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	c.mu.Lock()
	ch := c.sleeping
	if ch == nil {
		c.now = c.now.Add(d)
		c.sleeps = append(c.sleeps, d)
		c.mu.Unlock()
		return nil
	}
	c.mu.Unlock()
	select {
	case ch <- d:
	case <-ctx.Done(): // a test that stopped reading must not hang the sleeper
		return ctx.Err()
	}
	<-ctx.Done()
	return ctx.Err()
}

// BlockSleeps makes every later Sleep block until its context is done (a wait that ignored
// the context would hang the test), reporting its duration first on the returned channel,
// which holds one report unread.
func (c *Stepping) BlockSleeps() <-chan time.Duration {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.sleeping = make(chan time.Duration, 1)
	return c.sleeping
}

// Advance moves the clock on by d without recording a sleep: time that passed between calls.
func (c *Stepping) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// Sleeps are the durations of the sleeps that returned at once, in order.
func (c *Stepping) Sleeps() []time.Duration {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]time.Duration(nil), c.sleeps...)
}

// Slept is the sum of Sleeps.
func (c *Stepping) Slept() time.Duration {
	var total time.Duration
	for _, d := range c.Sleeps() {
		total += d
	}
	return total
}

// Manual is a clock that moves only on Advance: a Sleep returns once the clock has been
// advanced past its end, or when its context is done. Tests with several goroutines use it to
// decide what happens "at the same time" however slowly the goroutines are scheduled; tests
// of the emulator use its Now as Options.Now and Advance to let time pass.
type Manual struct {
	mu       sync.Mutex
	now      time.Time
	sleepers []manualSleeper
}

type manualSleeper struct {
	until time.Time
	wake  chan struct{}
}

// NewManual returns a Manual clock that reads start.
func NewManual(start time.Time) *Manual { return &Manual{now: start} }

// Now is the clock's time.
func (c *Manual) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// Sleep waits until Advance has moved the clock to now+d or beyond (a d ≤ 0 does not wait), or
// until ctx is done, in which case it returns ctx.Err().
func (c *Manual) Sleep(ctx context.Context, d time.Duration) error {
	if err := ctx.Err(); err != nil || d <= 0 {
		return err
	}
	c.mu.Lock()
	s := manualSleeper{until: c.now.Add(d), wake: make(chan struct{})}
	c.sleepers = append(c.sleepers, s)
	c.mu.Unlock()
	select {
	case <-s.wake:
		return nil
	case <-ctx.Done():
		return ctx.Err() // the sleeper stays listed; waking it later is harmless
	}
}

// Advance moves the clock on by d and wakes the sleeps that end by then.
func (c *Manual) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
	kept := c.sleepers[:0]
	for _, s := range c.sleepers {
		if s.until.After(c.now) {
			kept = append(kept, s)
		} else {
			close(s.wake)
		}
	}
	c.sleepers = kept
}
