package testclock

import (
	"context"
	"errors"
	"slices"
	"testing"
	"time"
)

var start = time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC)

func TestSteppingSleepReturnsAtOnceAndMovesTime(t *testing.T) {
	c := NewStepping(start)
	for _, d := range []time.Duration{time.Second, 250 * time.Millisecond} {
		if err := c.Sleep(t.Context(), d); err != nil {
			t.Fatalf("Sleep(%v) = %v", d, err)
		}
	}
	c.Advance(time.Minute) // not a sleep
	if got, want := c.Now(), start.Add(time.Minute+1250*time.Millisecond); !got.Equal(want) {
		t.Errorf("Now = %v, want %v", got, want)
	}
	if got, want := c.Sleeps(), []time.Duration{time.Second, 250 * time.Millisecond}; !slices.Equal(got, want) {
		t.Errorf("Sleeps = %v, want %v", got, want)
	}
	if got := c.Slept(); got != 1250*time.Millisecond {
		t.Errorf("Slept = %v, want 1.25s", got)
	}

	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	if err := c.Sleep(ctx, time.Hour); !errors.Is(err, context.Canceled) {
		t.Errorf("Sleep on a done context = %v, want context.Canceled", err)
	}
	if len(c.Sleeps()) != 2 {
		t.Errorf("a refused Sleep was recorded: %v", c.Sleeps())
	}
}

func TestSteppingBlockedSleepWaitsForItsContext(t *testing.T) {
	c := NewStepping(start)
	sleeping := c.BlockSleeps()
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() { done <- c.Sleep(ctx, 3*time.Second) }()
	select {
	case d := <-sleeping:
		if d != 3*time.Second {
			t.Errorf("reported %v, want 3s", d)
		}
	case err := <-done:
		t.Fatalf("Sleep returned %v without blocking", err)
	}
	select {
	case err := <-done:
		t.Fatalf("Sleep returned %v before its context was done", err)
	case <-time.After(20 * time.Millisecond):
	}
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("Sleep = %v, want context.Canceled", err)
		}
	case <-time.After(10 * time.Second): // a guard against a hang
		t.Fatal("Sleep did not return after its context was canceled")
	}
	if !c.Now().Equal(start) || len(c.Sleeps()) != 0 {
		t.Errorf("a blocked Sleep moved the clock to %v or was recorded: %v", c.Now(), c.Sleeps())
	}
}

// sleeping is how many Sleeps wait on c.
func (c *Manual) sleeping() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.sleepers)
}

func TestManualSleepReturnsOnceAdvancedPastItsEnd(t *testing.T) {
	c := NewManual(start)
	done := make(chan error, 1)
	go func() { done <- c.Sleep(t.Context(), 10*time.Second) }()
	for c.sleeping() == 0 {
		time.Sleep(time.Millisecond)
	}
	c.Advance(9 * time.Second)
	select {
	case err := <-done:
		t.Fatalf("Sleep(10s) returned %v after 9s", err)
	case <-time.After(20 * time.Millisecond):
	}
	c.Advance(time.Second)
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Sleep = %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Sleep(10s) did not return after 10s")
	}
	if got, want := c.Now(), start.Add(10*time.Second); !got.Equal(want) {
		t.Errorf("Now = %v, want %v", got, want)
	}
	if n := c.sleeping(); n != 0 {
		t.Errorf("%d sleepers left", n)
	}
	if err := c.Sleep(t.Context(), 0); err != nil {
		t.Errorf("Sleep(0) = %v", err)
	}
}

func TestManualSleepEndsWithItsContext(t *testing.T) {
	c := NewManual(start)
	ctx, cancel := context.WithCancel(t.Context())
	done := make(chan error, 1)
	go func() { done <- c.Sleep(ctx, time.Hour) }()
	for c.sleeping() == 0 {
		time.Sleep(time.Millisecond)
	}
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("Sleep = %v, want context.Canceled", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Sleep did not return after its context was canceled")
	}
	if !c.Now().Equal(start) {
		t.Errorf("cancelling moved the clock to %v", c.Now())
	}
	if err := c.Sleep(ctx, time.Hour); !errors.Is(err, context.Canceled) {
		t.Errorf("Sleep on a done context = %v, want context.Canceled", err)
	}
}
