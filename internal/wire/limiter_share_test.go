package wire

import (
	"math/rand/v2"
	"testing"
	"time"
)

// Three clients, each with 300 requests of one command and 50 in flight, share the vendor's
// bucket for that command (200/s, holding one second), 20 ms from the service, on a simulated
// clock. Each paces itself for the whole 194/s; the adaptive pace must make them share the
// rate: few refusals, all work done close to the time 900 requests need at 200/s, and no client
// starved.
func TestAdaptivePaceSharesTheVendorRate(t *testing.T) {
	const (
		clients  = 3
		perRun   = 300
		inFlight = 50
		vendor   = 200.0
		latency  = 20 * time.Millisecond
		tick     = time.Millisecond
	)
	ceiling, burst := CommandLimit("create_room", 0)
	t0 := time.Date(2026, 3, 1, 0, 0, 0, 0, time.UTC)
	rng := rand.New(rand.NewPCG(1, 2))

	type worker struct {
		at     time.Time // when it acts next
		epoch  uint64
		ready  bool // holds a slot, to send at `at`
		answer bool // waits for an answer at `at`
		ok     bool
	}
	type client struct {
		b       *bucket
		workers []*worker
		left    int // requests not yet started
		done    int
		end     time.Time
	}
	var cs []*client
	for range clients {
		c := &client{b: &bucket{ceiling: ceiling, burst: float64(burst), rate: ceiling, tokens: float64(burst)}, left: perRun}
		for range inFlight {
			c.workers = append(c.workers, &worker{at: t0})
		}
		cs = append(cs, c)
	}
	vendorTokens, vendorLast := vendor, t0
	sent, refused := 0, 0
	reserve := func(c *client, w *worker, now time.Time) {
		d, e, _ := c.b.reserve(now, false)
		w.at, w.epoch, w.ready, w.answer = now.Add(d), e, true, false
	}

	now := t0
	for ; now.Before(t0.Add(30 * time.Second)); now = now.Add(tick) {
		finished := 0
		for _, c := range cs {
			if c.done == perRun {
				finished++
				continue
			}
			for _, w := range c.workers {
				if w.at.After(now) {
					continue
				}
				switch {
				case w.answer:
					w.answer = false
					if w.ok {
						c.done++
						if c.done == perRun {
							c.end = now
						}
						w.at = now
						continue
					}
					c.b.cut(now, w.epoch)
					backoff := time.Duration(rng.Float64() * float64(backoffBase))
					w.at = now.Add(backoff)
					w.ready = false
					w.epoch = ^uint64(0) // retry: a new slot when it wakes
				case w.ready && c.b.current(w.epoch):
					vendorTokens = min(vendor, vendorTokens+now.Sub(vendorLast).Seconds()*vendor)
					vendorLast = now
					sent++
					w.ok = vendorTokens >= 1
					if w.ok {
						vendorTokens--
					} else {
						refused++
					}
					w.ready, w.answer, w.at = false, true, now.Add(latency)
				case w.ready || w.epoch == ^uint64(0):
					reserve(c, w, now) // reserved before a cut, or a retry: a slot at the new pace
				case c.left > 0:
					c.left--
					reserve(c, w, now)
				}
			}
		}
		if finished == clients {
			break
		}
	}
	elapsed := now.Sub(t0)
	floor := time.Duration(float64(clients*perRun) / vendor * float64(time.Second))
	t.Logf("%d requests sent, %d refused (%.1f%%); all done after %v (%.2fx the %v that %d requests need at %v/s); clients ended at %v, %v, %v",
		sent, refused, 100*float64(refused)/float64(sent), elapsed, elapsed.Seconds()/floor.Seconds(), floor, clients*perRun, vendor,
		cs[0].end.Sub(t0), cs[1].end.Sub(t0), cs[2].end.Sub(t0))
	for i, c := range cs {
		if c.done != perRun {
			t.Fatalf("client %d did %d of %d requests in 30 s", i, c.done, perRun)
		}
	}
	if float64(refused) >= 0.02*float64(sent) {
		t.Errorf("%d of %d requests refused; want under 2%%", refused, sent)
	}
	// Simulated time, not a wall-clock timing: the pace must not give up most of the rate.
	if elapsed > floor*3/2 {
		t.Errorf("all done after %v; 1.5x the floor is %v", elapsed, floor*3/2)
	}
}
