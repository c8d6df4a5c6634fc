package wire

import (
	"context"
	"math"
	"sync"
	"time"

	"golang.org/x/time/rate"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
)

// defaultRatePercent of a command's documented rate is the default client-side cap. The vendor
// meters each command with a token bucket holding one second of its rate (reference §1.5); the
// 3% left over refills that bucket while this client runs flat out, for other callers and for
// the next provider process Terraform starts.
const defaultRatePercent = 97

// burstDivisor: a client may spend a third of a second's requests at once. Terraform starts
// provider processes back to back (plan, then apply), each with a full client bucket; with a
// third, three of them in a row, each starting with its burst, still find the vendor's bucket
// non-empty. A burst is what keeps a step of a hundred rooms from waiting on the limiter.
const burstDivisor = 3

// limiter keeps each command under its rate, for every request one Client sends. The vendor
// counts per command per SDKAppID (60007 beyond it), so the buckets are per command.
type limiter struct {
	clock      Clock
	configured float64 // Config.RequestsPerSecond; 0 = default

	mu      sync.Mutex
	buckets map[string]*rate.Limiter

	// reserving pairs each clock read with its reservation: rate.Limiter handed a time older
	// than one it has seen moves its clock back and grants the elapsed tokens twice.
	reserving sync.Mutex
}

func newLimiter(clock Clock, configured float64) *limiter {
	return &limiter{clock: clock, configured: configured, buckets: map[string]*rate.Limiter{}}
}

// CommandLimit returns the client-side rate and burst used for command: 97% of its documented
// rate, or the configured rate when lower; burst = max(1, ⌊rate / 3⌋).
func CommandLimit(command string, configured float64) (perSecond float64, burst int) {
	perSecond = float64(livespec.CommandRate(command)*defaultRatePercent) / 100
	if configured > 0 && configured < perSecond {
		perSecond = configured
	}
	return perSecond, max(1, int(math.Floor(perSecond/burstDivisor)))
}

func (l *limiter) bucket(command string) *rate.Limiter {
	l.mu.Lock()
	defer l.mu.Unlock()
	b, ok := l.buckets[command]
	if !ok {
		perSecond, burst := CommandLimit(command, l.configured)
		b = rate.NewLimiter(rate.Limit(perSecond), burst)
		l.buckets[command] = b
	}
	return b
}

// wait blocks until command may send one request, through the Client's clock, and returns how
// long it waited. With onlyIfFree it takes a slot only if one is free now, and otherwise returns
// got = false at once, reserving nothing. On ctx cancellation the reserved slot is given back.
func (l *limiter) wait(ctx context.Context, command string, onlyIfFree bool) (waited time.Duration, got bool, err error) {
	if err := ctx.Err(); err != nil {
		return 0, false, err
	}
	b := l.bucket(command)
	l.reserving.Lock()
	now := l.clock.Now()
	r := b.ReserveN(now, 1)
	l.reserving.Unlock()
	delay := r.DelayFrom(now)
	if onlyIfFree && delay > 0 {
		r.CancelAt(now)
		return 0, false, nil
	}
	if delay <= 0 {
		return 0, true, nil
	}
	if err := l.clock.Sleep(ctx, delay); err != nil {
		r.CancelAt(l.clock.Now())
		return 0, false, err
	}
	return delay, true, nil
}
