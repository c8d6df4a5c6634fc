package wire

import (
	"context"
	"errors"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
)

func TestCommandLimit(t *testing.T) {
	tests := []struct {
		command    string
		configured float64
		rate       float64
		burst      int
	}{
		{"create_room", 0, 194, 64},
		{"get_room_list", 0, 9.7, 3},
		{"account_check", 0, 97, 32},
		{"create_room", 50, 50, 16},
		{"create_room", 1000, 194, 64}, // a configured value never exceeds the default
		{"get_room_list", 0.5, 0.5, 1},
		{"set_gift_language", 0, 1 / 1.05, 1}, // 1/s documented: a slot every 1.05 s
		{"set_gift_language", 0.5, 0.5, 1},
	}
	for _, tt := range tests {
		rate, burst := CommandLimit(tt.command, tt.configured)
		if rate != tt.rate || burst != tt.burst {
			t.Errorf("CommandLimit(%s, %v) = %v, %d; want %v, %d", tt.command, tt.configured, rate, burst, tt.rate, tt.burst)
		}
		// Three clients back to back, no pause between them, each sending flat out from a
		// full bucket for two seconds: the vendor's one-second bucket never runs dry. (A
		// command slower than burstDivisor a second starts with no saved slot: not this case.)
		documented := livespec.CommandRate(tt.command)
		if documented < burstDivisor {
			continue
		}
		var times []time.Time
		start := time.Unix(0, 0)
		for range 3 {
			sent := limiterSchedule(start, rate, burst, int(2*rate)+burst)
			times = append(times, sent...)
			start = sent[len(sent)-1]
		}
		if refused := vendorRefusals(times, documented); refused != 0 {
			t.Errorf("%s at %v/s, burst %d: the vendor's bucket (%g/s) would refuse %d requests", tt.command, rate, burst, documented, refused)
		}
	}
}

// A 1 call/s command's slots are 1.05 s apart, so a request held up on its way by up to 50 ms
// more than the one before it still finds the vendor's one-request bucket refilled. At 97% of the
// rate (31 ms) a hold-up of 40 ms, common on a loaded machine, met 100012.
func TestSlowCommandsLeaveRoomForHeldUpRequests(t *testing.T) {
	rate, burst := CommandLimit("set_gift_language", 0)
	if burst != 1 {
		t.Fatalf("burst %d, want 1", burst)
	}
	// Every other request is held up by heldUp on its way: the worst case, each such request
	// and the next one arrive heldUp closer together than they were sent.
	arrivals := func(rate float64, heldUp time.Duration) []time.Time {
		sent := limiterSchedule(time.Unix(0, 0), rate, 1, 48)
		for k := range sent {
			if k%2 == 0 {
				sent[k] = sent[k].Add(heldUp)
			}
		}
		return sent
	}
	for _, heldUp := range []time.Duration{0, 30 * time.Millisecond, 49 * time.Millisecond} {
		if refused := vendorRefusals(arrivals(rate, heldUp), 1); refused != 0 {
			t.Errorf("slots %v apart, requests held up by %v: the vendor would refuse %d of 48", time.Duration(float64(time.Second)/rate), heldUp, refused)
		}
	}
	if refused := vendorRefusals(arrivals(0.97, 40*time.Millisecond), 1); refused == 0 {
		t.Error("at 97% of 1/s, a 40 ms hold-up should meet refusals: the test proves nothing")
	}
}

// limiterSchedule returns when a client limiter of rate and burst, starting full at start, lets
// n back-to-back requests go.
func limiterSchedule(start time.Time, rate float64, burst, n int) []time.Time {
	out := make([]time.Time, n)
	for k := range out {
		wait := max(0, float64(k+1-burst)/rate)
		out[k] = start.Add(time.Duration(wait * float64(time.Second)))
	}
	return out
}

// vendorRefusals counts the requests a token bucket holding one second of rate (the vendor's
// meter, reference §1.5), full at the first request, refuses among times (ascending).
func vendorRefusals(times []time.Time, rate float64) int {
	if len(times) == 0 {
		return 0
	}
	tokens, last, refused := rate, times[0], 0
	for _, at := range times {
		tokens = min(rate, tokens+at.Sub(last).Seconds()*rate)
		last = at
		if tokens < 1-1e-9 {
			refused++
			continue
		}
		tokens--
	}
	return refused
}

// maxInWindow returns the most request times that fall in any window of length w.
func maxInWindow(times []time.Time, w time.Duration) int {
	best := 0
	for i := range times {
		n := 0
		for j := i; j < len(times) && times[j].Sub(times[i]) < w; j++ {
			n++
		}
		best = max(best, n)
	}
	return best
}

func requestTimes(reqs []recorded, command string) []time.Time {
	var out []time.Time
	for _, r := range reqs {
		if r.Path == "/v4/"+livespec.ServiceLive+"/"+command {
			out = append(out, r.At)
		}
	}
	return out
}

func TestLimiterKeepsEachCommandUnderItsRate(t *testing.T) {
	clock := newFakeClock()
	api := newFakeAPI(t, clock, alwaysOK)
	c := newTestClient(t, api, clock, nil)
	ctx := context.Background()

	// Typed calls and raw Calls of one command share its bucket; another command is not slowed.
	for i := range 40 {
		var err error
		if i%2 == 0 {
			_, err = c.GetRoomList(ctx, "", 20)
		} else {
			err = c.Call(ctx, livespec.ServiceLive, "get_room_list", map[string]any{"Next": "", "Count": 20}, nil)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	for range 400 {
		if err := c.DestroyRoom(ctx, "r"); err != nil {
			t.Fatal(err)
		}
	}
	reqs := api.Requests()
	list, destroy := requestTimes(reqs, "get_room_list"), requestTimes(reqs, "destroy_room")

	if refused := vendorRefusals(list, 10); refused != 0 {
		t.Errorf("get_room_list: the vendor's bucket (10/s) would refuse %d of %d requests", refused, len(list))
	}
	_, listBurst := CommandLimit("get_room_list", 0)
	if span, least := list[len(list)-1].Sub(list[0]), time.Duration(float64(len(list)-listBurst)/9.7*float64(time.Second)); span < least-time.Millisecond {
		t.Errorf("get_room_list: 40 requests within %v, faster than 9.7/s after a burst of %d (%v)", span, listBurst, least)
	}
	if refused := vendorRefusals(destroy, 200); refused != 0 {
		t.Errorf("destroy_room: the vendor's bucket (200/s) would refuse %d of %d requests", refused, len(destroy))
	}
	if got := maxInWindow(destroy, time.Second); got < 190 {
		t.Errorf("destroy_room: only %d requests in the busiest second; the limiter is too strict", got)
	}
	if s := c.Stats(); s.LimiterWaits == 0 || s.LimiterWaited <= 0 {
		t.Errorf("stats do not show limiter waits: %+v", s)
	}
}

func TestLimiterHonoursConfiguredRate(t *testing.T) {
	clock := newFakeClock()
	api := newFakeAPI(t, clock, alwaysOK)
	c := newTestClient(t, api, clock, func(cfg *Config) { cfg.RequestsPerSecond = 5 })
	for range 30 {
		if err := c.DestroyRoom(context.Background(), "r"); err != nil {
			t.Fatal(err)
		}
	}
	if got := maxInWindow(requestTimes(api.Requests(), "destroy_room"), time.Second); got > 6 {
		t.Errorf("%d requests within one second at 5/s (burst 1)", got)
	}
}

func TestLimiterIsSharedAcrossGoroutines(t *testing.T) {
	clock := newFakeClock()
	api := newFakeAPI(t, clock, alwaysOK)
	c := newTestClient(t, api, clock, nil)
	start := clock.Now()
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 25 {
				if err := c.DestroyRoom(context.Background(), "r"); err != nil {
					t.Error(err)
					return
				}
			}
		})
	}
	wg.Wait()
	// 200 requests at 194/s after a burst of 64 take at least 136/194 s of (fake) time.
	if elapsed := clock.Now().Sub(start); elapsed < 136*time.Second/194-time.Millisecond {
		t.Errorf("200 concurrent requests passed in %v of limiter time", elapsed)
	}
	if s := c.Stats(); s.Requests != 200 || s.ByCommand["destroy_room"].Calls != 200 {
		t.Errorf("stats %+v", s)
	}
}

// An optional call goes only when its command has a free slot: it never waits for the limiter
// and never sends once the slots are spent; a required call still waits its turn.
func TestWhenIdleSendsOnlyWithAFreeSlot(t *testing.T) {
	clock := newFakeClock()
	api := newFakeAPI(t, clock, func(n int, req recorded, w http.ResponseWriter, r *http.Request) {
		if n == 0 {
			writeFail(w, n, int(livespec.CodeInternal), "transient")
			return
		}
		writeOK(w, n, nil)
	})
	// The longest backoff: the bucket, one slot short, is full again when the retry takes its slot.
	c := newTestClient(t, api, clock, func(cfg *Config) { cfg.Rand = func() uint32 { return 1<<32 - 1 } })
	optional := WhenIdle(context.Background())
	_, burst := CommandLimit("destroy_room", 0)

	// The first optional call fails transiently and is retried like any call.
	for i := range burst {
		if err := c.DestroyRoom(optional, "r"); err != nil {
			t.Fatalf("optional call %d with a free slot: %v", i+1, err)
		}
	}
	sent := len(api.Requests())
	if sent != burst+1 {
		t.Fatalf("%d requests for %d optional calls (one retried), want %d", sent, burst, burst+1)
	}
	if err := c.DestroyRoom(optional, "r"); !errors.Is(err, ErrNotIdle) {
		t.Fatalf("optional call with no free slot: err = %v, want ErrNotIdle", err)
	}
	if len(api.Requests()) != sent {
		t.Fatal("an optional call without a free slot was sent")
	}
	if err := c.DestroyRoom(context.Background(), "r"); err != nil {
		t.Fatalf("required call: %v", err)
	}
	clock.Advance(time.Second)
	if err := c.DestroyRoom(optional, "r"); err != nil {
		t.Fatalf("optional call after the bucket refilled: %v", err)
	}
	s := c.Stats()
	if s.NotIdle != 1 || s.ByCommand["destroy_room"].NotIdle != 1 || s.Calls != int64(burst)+2 {
		t.Errorf("stats: NotIdle %d (destroy_room %d), Calls %d; want 1, 1, %d", s.NotIdle, s.ByCommand["destroy_room"].NotIdle, s.Calls, burst+2)
	}
}
