package wire

import (
	"context"
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
		{"create_room", 0, 190, 10},
		{"get_room_list", 0, 9.5, 1},
		{"account_check", 0, 95, 5},
		{"create_room", 50, 50, 2},
		{"create_room", 1000, 190, 10}, // a configured value never exceeds the default
		{"get_room_list", 0.5, 0.5, 1},
	}
	for _, tt := range tests {
		rate, burst := CommandLimit(tt.command, tt.configured)
		if rate != tt.rate || burst != tt.burst {
			t.Errorf("CommandLimit(%s, %v) = %v, %d; want %v, %d", tt.command, tt.configured, rate, burst, tt.rate, tt.burst)
		}
		// At most burst + ⌊rate⌋ requests fit in any one-second window.
		if burst+int(rate) > livespec.CommandRate(tt.command) {
			t.Errorf("%s: a second can hold %d requests, documented limit %d", tt.command, burst+int(rate), livespec.CommandRate(tt.command))
		}
	}
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

	if got := maxInWindow(list, time.Second); got > 10 {
		t.Errorf("get_room_list: %d requests within one second, documented limit 10", got)
	}
	if span := list[len(list)-1].Sub(list[0]); span < time.Duration(float64(len(list)-1)/9.5*float64(time.Second))-time.Millisecond {
		t.Errorf("get_room_list: 40 requests within %v, faster than 9.5/s", span)
	}
	if got := maxInWindow(destroy, time.Second); got > 200 {
		t.Errorf("destroy_room: %d requests within one second, documented limit 200", got)
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
	// 200 requests at 190/s with a burst of 10 take at least a second of (fake) time.
	if elapsed := clock.Now().Sub(start); elapsed < time.Second-time.Millisecond {
		t.Errorf("200 concurrent requests passed in %v of limiter time", elapsed)
	}
	if s := c.Stats(); s.Requests != 200 || s.ByCommand["destroy_room"].Calls != 200 {
		t.Errorf("stats %+v", s)
	}
}
