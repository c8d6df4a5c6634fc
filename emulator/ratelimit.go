package emulator

import (
	"time"

	"golang.org/x/time/rate"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
)

// rateLimits holds one token bucket per command. Only one SDKAppID authenticates, so per command
// is per (SDKAppID, command), as the vendor counts. Rate and burst both equal the per-second
// limit (burst at least 1). A nil map means limits are off.
type rateLimits struct {
	buckets map[string]*rate.Limiter
}

// newRateLimits builds the buckets. With sharedGiftBudget the gift configuration commands at
// 1/s draw from one bucket, as if the vendor metered them together (the console spaces all of
// them 1.1 s apart, so it may).
func newRateLimits(qps int, sharedGiftBudget bool, now time.Time) *rateLimits {
	if qps == NoRateLimits {
		return &rateLimits{}
	}
	r := &rateLimits{buckets: make(map[string]*rate.Limiter, len(commands))}
	var shared *rate.Limiter
	for _, spec := range commands {
		limit := float64(qps)
		if qps == DocumentedQPS {
			limit = livespec.CommandRate(spec.name)
		}
		l := rate.NewLimiter(rate.Limit(limit), max(1, int(limit)))
		l.AllowN(now, 0) // start the bucket full at the emulator's clock, not the wall clock
		if sharedGiftBudget && inSharedGiftBudget(spec.name) {
			if shared == nil {
				shared = l
			}
			l = shared
		}
		r.buckets[spec.name] = l
	}
	return r
}

// inSharedGiftBudget: every gift configuration command but copy_default_gift_config, which
// keeps its own one-per-10-s bucket.
func inSharedGiftBudget(command string) bool {
	return livespec.IsGiftConfigCommand(command) && command != livespec.CopyDefaultGiftConfig
}

func (r *rateLimits) allow(command string, now time.Time) bool {
	l, ok := r.buckets[command]
	return !ok || l.AllowN(now, 1)
}
