package wire

import (
	"context"
	"math"
	"sync"
	"time"

	"golang.org/x/time/rate"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
)

// defaultRatePercent of a command's documented rate is the default client-side cap; the burst
// is sized so that no one-second window holds more than the documented rate (burst + ⌊rate⌋).
const defaultRatePercent = 95

// limiter keeps each command under its rate, for every request one Client sends. The vendor
// counts per command per SDKAppID (60007 beyond it), so the buckets are per command.
type limiter struct {
	clock      Clock
	configured float64 // Config.RequestsPerSecond; 0 = default

	mu      sync.Mutex
	buckets map[string]*rate.Limiter
}

func newLimiter(clock Clock, configured float64) *limiter {
	return &limiter{clock: clock, configured: configured, buckets: map[string]*rate.Limiter{}}
}

// CommandLimit returns the client-side rate and burst used for command: 95% of its documented
// rate, or the configured rate when lower; burst = max(1, ⌊rate × 5/95⌋).
func CommandLimit(command string, configured float64) (perSecond float64, burst int) {
	perSecond = float64(livespec.CommandRate(command)*defaultRatePercent) / 100
	if configured > 0 && configured < perSecond {
		perSecond = configured
	}
	burst = int(math.Floor(perSecond * (100 - defaultRatePercent) / defaultRatePercent))
	return perSecond, max(1, burst)
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
// long it waited. On ctx cancellation the reserved slot is given back.
func (l *limiter) wait(ctx context.Context, command string) (time.Duration, error) {
	if err := ctx.Err(); err != nil {
		return 0, err
	}
	b := l.bucket(command)
	now := l.clock.Now()
	r := b.ReserveN(now, 1)
	delay := r.DelayFrom(now)
	if delay <= 0 {
		return 0, nil
	}
	if err := l.clock.Sleep(ctx, delay); err != nil {
		r.CancelAt(l.clock.Now())
		return 0, err
	}
	return delay, nil
}
