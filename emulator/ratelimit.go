package emulator

import (
	"time"

	"golang.org/x/time/rate"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
)

// rateLimits holds one token bucket per command. Only one SDKAppID authenticates, so per command
// is per (SDKAppID, command), as the vendor counts. Rate and burst both equal the per-second
// limit. A nil map means limits are off.
type rateLimits struct {
	buckets map[string]*rate.Limiter
}

func newRateLimits(qps int, now time.Time) *rateLimits {
	if qps == NoRateLimits {
		return &rateLimits{}
	}
	r := &rateLimits{buckets: make(map[string]*rate.Limiter, len(commands))}
	for _, spec := range commands {
		limit := qps
		if qps == DocumentedQPS {
			limit = livespec.CommandRate(spec.name)
		}
		l := rate.NewLimiter(rate.Limit(limit), limit)
		l.AllowN(now, 0) // start the bucket full at the emulator's clock, not the wall clock
		r.buckets[spec.name] = l
	}
	return r
}

func (r *rateLimits) allow(command string, now time.Time) bool {
	l, ok := r.buckets[command]
	return !ok || l.AllowN(now, 1)
}
