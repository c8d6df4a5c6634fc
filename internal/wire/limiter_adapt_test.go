package wire

import (
	"context"
	"math"
	"testing"
	"time"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
)

// pace returns command's current pace at the clock's now.
func (l *limiter) pace(command string) float64 {
	b := l.bucket(command)
	b.mu.Lock()
	defer b.mu.Unlock()
	b.advance(l.clock.Now())
	return b.rate
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-6 }

// A refusal halves the command's pace, which grows back linearly to the cap; other commands slow
// to the same share, and a refusal of another code does not slow anything.
func TestPaceCutsOnRefusalAndRecovers(t *testing.T) {
	for _, code := range []livespec.Code{livespec.CodeRateLimited, livespec.CodeAppRateLimited} {
		clock := newFakeClock()
		api := newFakeAPI(t, clock, failThenOK(1, failWith(int(code))))
		c := newTestClient(t, api, clock, func(cfg *Config) { cfg.Rand = func() uint32 { return 0 } }) // no backoff
		ceiling, _ := CommandLimit("destroy_room", 0)
		if err := c.DestroyRoom(context.Background(), "r"); err != nil {
			t.Fatal(err)
		}
		if got := c.limiter.pace("destroy_room"); got < ceiling*cutFactor || got > ceiling*cutFactor+1 {
			t.Fatalf("%d: pace %v after a refusal, want %v", code, got, ceiling*cutFactor)
		}
		// Other commands slow to the same share of their cap: other runs send them too.
		if got := c.limiter.pace("create_room"); got < ceiling*cutFactor || got > ceiling*cutFactor+1 {
			t.Errorf("%d: create_room's pace %v after another command's refusal, want %v", code, got, ceiling*cutFactor)
		}
		if s := c.Stats(); s.PaceCuts != 1 || s.ByCommand["destroy_room"].PaceCuts != 1 {
			t.Errorf("%d: stats %+v", code, s)
		}
		clock.Advance(time.Duration(recoverySeconds / 4 * float64(time.Second)))
		if got, want := c.limiter.pace("destroy_room"), ceiling*(cutFactor+0.25); got < want || got > want+1 {
			t.Errorf("%d: pace %v a quarter of the recovery later, want %v", code, got, want)
		}
		clock.Advance(time.Duration(recoverySeconds * float64(time.Second)))
		if got := c.limiter.pace("destroy_room"); got != ceiling {
			t.Errorf("%d: pace %v after the recovery, want the cap %v", code, got, ceiling)
		}
		if got := c.limiter.pace("get_room_info"); got != ceiling {
			t.Errorf("%d: a command first used after the recovery starts at %v, want the cap %v", code, got, ceiling)
		}
	}

	clock := newFakeClock()
	api := newFakeAPI(t, clock, failThenOK(1, failWith(int(livespec.CodeInternal))))
	c := newTestClient(t, api, clock, func(cfg *Config) { cfg.Rand = func() uint32 { return 0 } })
	if err := c.DestroyRoom(context.Background(), "r"); err != nil {
		t.Fatal(err)
	}
	if ceiling, _ := CommandLimit("destroy_room", 0); c.limiter.pace("destroy_room") != ceiling {
		t.Error("a 100001 slowed the pace")
	}
}

// The configured requests_per_second stays the cap: recovery never passes it.
func TestPaceRecoversToTheConfiguredRate(t *testing.T) {
	clock := newFakeClock()
	l := newLimiter(clock, 20, false, nil)
	_, g, _, _ := l.wait(context.Background(), "create_room", false)
	if cut, perSecond := l.refused("create_room", g); !cut || perSecond != 10 {
		t.Fatalf("cut %v to %v, want 10", cut, perSecond)
	}
	clock.Advance(time.Hour)
	if got := l.pace("create_room"); got != 20 {
		t.Errorf("pace %v an hour later, want the configured 20", got)
	}
}

// Refusals of requests sent before a cut were sent at the old pace: they do not cut again. The
// pace has a floor.
func TestOneCutPerPace(t *testing.T) {
	clock := newFakeClock()
	l := newLimiter(clock, 0, false, nil)
	ceiling, _ := CommandLimit("create_room", 0)
	var before []grant
	for range 10 {
		_, g, _, _ := l.wait(context.Background(), "create_room", false)
		before = append(before, g)
	}
	if cut, _ := l.refused("create_room", before[0]); !cut {
		t.Fatal("no cut on the first refusal")
	}
	for _, g := range before[1:] {
		if cut, _ := l.refused("create_room", g); cut {
			t.Fatal("a refusal of a request sent before the cut cut again")
		}
	}
	if got := l.pace("create_room"); !near(got, ceiling*cutFactor) {
		t.Fatalf("pace %v, want %v", got, ceiling*cutFactor)
	}
	for range 20 {
		_, g, _, _ := l.wait(context.Background(), "create_room", false)
		l.refused("create_room", g)
	}
	if got := l.pace("create_room"); !near(got, ceiling/minRateDivisor) {
		t.Errorf("pace %v after many cuts, want the floor %v", got, ceiling/minRateDivisor)
	}
}

// A cut drops the saved burst and re-paces the requests already waiting: none of them goes at
// the old pace once the service has refused one.
func TestCutRepacesWaiters(t *testing.T) {
	b := &bucket{ceiling: 100, burst: 33, rate: 100, tokens: 33}
	t0 := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	type waiter struct {
		at    time.Time
		epoch uint64
	}
	var waiting []waiter
	for range 33 + 20 { // the burst, then 20 waiters spaced 10 ms apart
		d, e, _ := b.reserve(t0, false)
		if d > 0 {
			waiting = append(waiting, waiter{t0.Add(d), e})
		}
	}
	if len(waiting) != 20 {
		t.Fatalf("%d waiters, want 20", len(waiting))
	}
	b.cut(t0, 0) // pace 50/s: 20 ms apart
	var sent []time.Time
	for len(waiting) > 0 {
		w := waiting[0]
		waiting = waiting[1:]
		if b.current(w.epoch) {
			sent = append(sent, w.at)
			continue
		}
		d, e, _ := b.reserve(w.at, false)
		waiting = append(waiting, waiter{w.at.Add(d), e})
	}
	// The pace recovers meanwhile, by 1% of the cap every 100 ms: 10% of slack, far from the old 10 ms.
	prev := t0
	for i, at := range sent {
		if gap := at.Sub(prev); gap < 18*time.Millisecond {
			t.Fatalf("waiter %d sent %v after the one before; the new pace leaves 20 ms", i, gap)
		}
		prev = at
	}
	if last := sent[len(sent)-1].Sub(t0); last > 401*time.Millisecond {
		t.Errorf("the last waiter went at +%v; 20 at 50/s need 400 ms", last)
	}
	if d, _, _ := b.reserve(t0.Add(400*time.Millisecond), false); d <= 0 {
		t.Error("a burst was saved across the cut")
	}
}

// A command already in use when another is refused drops its saved burst and slows to the same
// share of its cap; one slower already keeps its pace.
func TestRefusalSlowsTheOtherCommands(t *testing.T) {
	clock := newFakeClock()
	l := newLimiter(clock, 0, false, nil)
	ceiling, _ := CommandLimit("get_room_info", 0)
	if _, _, _, err := l.wait(context.Background(), "get_room_info", false); err != nil {
		t.Fatal(err)
	}
	_, g, _, _ := l.wait(context.Background(), "create_room", false)
	if cut, _ := l.refused("create_room", g); !cut {
		t.Fatal("no cut")
	}
	if got := l.pace("get_room_info"); !near(got, ceiling*cutFactor) {
		t.Errorf("get_room_info's pace %v, want %v", got, ceiling*cutFactor)
	}
	if _, _, ok := l.bucket("get_room_info").reserve(clock.Now(), true); ok {
		t.Error("get_room_info kept its saved burst after another command's refusal")
	}
}

// After a refusal, requests that were to use only an idle slot (WhenIdle) are not sent until the
// pace has grown back to the cap: the shared budget goes to the runs' required requests first.
func TestIdleOnlyRequestsWaitForAQuietBudget(t *testing.T) {
	clock := newFakeClock()
	l := newLimiter(clock, 0, false, nil)
	if _, _, got, _ := l.wait(context.Background(), "get_room_info", true); !got {
		t.Fatal("an idle-only request found no slot in a fresh limiter")
	}
	_, g, _, _ := l.wait(context.Background(), "create_room", false)
	if cut, _ := l.refused("create_room", g); !cut {
		t.Fatal("no cut")
	}
	clock.Advance(time.Second) // get_room_info has free tokens again, but the budget is shared
	if _, _, got, _ := l.wait(context.Background(), "get_room_info", true); got {
		t.Error("an idle-only request was sent a second after a refusal")
	}
	if _, _, got, _ := l.wait(context.Background(), "get_room_info", false); !got {
		t.Error("a required request was held back")
	}
	clock.Advance(time.Duration(recoverySeconds * float64(time.Second)))
	if _, _, got, _ := l.wait(context.Background(), "get_room_info", true); !got {
		t.Error("idle-only requests did not resume once the pace was back at the cap")
	}
}
