package wire

import (
	"context"
	"math"
	"sync"
	"time"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
)

// defaultRatePercent of a command's documented rate is the default client-side cap. The vendor
// meters each command with a token bucket holding one second of its rate (reference §1.5); the
// 3% left over refills that bucket while this client runs flat out, for other callers and for
// the next provider process Terraform starts.
const defaultRatePercent = 97

// slowCommandMargin is the time a command slower than burstDivisor a second (the gift
// configuration commands at 1 call/s) leaves between its slots beyond the documented interval,
// instead of the 3%: at 1/s, 3% is 31 ms, less than one request can be held up against the one
// before it on a loaded machine, and the vendor's one-request bucket then refuses it (100012),
// which costs a second's retry and halves every command's pace. 50 ms (5% of the floor at 1/s)
// took an apply of the gift catalogue on a loaded machine from 13 refusals to none; a wider one
// (Tencent's console keeps 1.1 s) cost more time on an idle machine than it saved.
const slowCommandMargin = 50 * time.Millisecond

// burstDivisor: a client may spend a third of a second's requests at once. Terraform starts
// provider processes back to back (plan, then apply), each with a full client bucket; with a
// third, three of them in a row, each starting with its burst, still find the vendor's bucket
// non-empty. A burst is what keeps a step of a hundred rooms from waiting on the limiter.
const burstDivisor = 3

// The vendor's limit belongs to the SDKAppID, not to one run: several runs at once (workspaces
// applied in parallel by CI) each pacing for the whole rate overrun it together. A command's
// pace therefore adapts (AIMD, as TCP shares a link): a refusal (60007, 60011) of a request sent
// at the current pace multiplies the pace by cutFactor and drops the saved burst; the pace then
// grows back linearly, by the cap's rate every recoverySeconds seconds, up to the cap. The
// other commands slow to the same share, and optional (WhenIdle) requests wait until the pace is
// back at the cap. Runs sharing the budget converge on a fair share of it, and spend few
// requests on refusals.
const (
	cutFactor       = 0.5
	recoverySeconds = 10.0
	minRateDivisor  = 20 // the pace never drops below cap/20
)

// limiter keeps each command under its pace, for every request one Client sends. The vendor
// counts per command per SDKAppID (60007 beyond it), so the buckets are per command.
type limiter struct {
	clock      Clock
	configured float64 // Config.RequestsPerSecond; 0 = default
	sharedGift bool    // Config.SharedGiftRateBudget
	born       time.Time
	ledger     *paceLedger // nil: no record of other processes' sends

	mu      sync.Mutex
	buckets map[string]*bucket
	// The pace, as a share of the cap, that the last refusal left its command at, and when: a
	// command that starts after it starts at that share (recovered since), with no saved burst.
	cutShare float64
	cutAt    time.Time
}

func newLimiter(clock Clock, configured float64, sharedGift bool, ledger *paceLedger) *limiter {
	return &limiter{clock: clock, configured: configured, sharedGift: sharedGift, born: clock.Now(), ledger: ledger, buckets: map[string]*bucket{}}
}

// sharedGiftBucket is the bucket name of the gift configuration commands when they share one
// budget (Config.SharedGiftRateBudget); it is no command's name.
const sharedGiftBucket = "gift configuration"

// bucketName is the bucket command draws from: its own, or the shared gift budget.
func (l *limiter) bucketName(command string) string {
	if l.sharedGift && livespec.IsGiftConfigCommand(command) && command != livespec.CopyDefaultGiftConfig {
		return sharedGiftBucket
	}
	return command
}

// CommandLimit returns the client-side rate and burst used for command: 97% of its documented
// rate (below burstDivisor a second, one request per documented interval + slowCommandMargin),
// or the configured rate when lower; burst = max(1, ⌊rate / 3⌋). It is the ceiling: the
// adaptive pace is at most this rate and never saves more than this burst.
func CommandLimit(command string, configured float64) (perSecond float64, burst int) {
	documented := livespec.CommandRate(command)
	perSecond = documented * defaultRatePercent / 100
	if documented < burstDivisor {
		perSecond = 1 / (1/documented + slowCommandMargin.Seconds())
	}
	if configured > 0 && configured < perSecond {
		perSecond = configured
	}
	return perSecond, max(1, int(math.Floor(perSecond/burstDivisor)))
}

func (l *limiter) bucket(command string) *bucket {
	name := l.bucketName(command)
	l.mu.Lock()
	defer l.mu.Unlock()
	b, ok := l.buckets[name]
	if !ok {
		perSecond, burst := CommandLimit(command, l.configured)
		b = &bucket{ceiling: perSecond, burst: float64(burst), rate: perSecond, tokens: float64(burst)}
		if perSecond < burstDivisor {
			b.slow = true
			b.tokens = l.inheritedTokens(name, perSecond, b.burst)
		}
		if share := l.recoveredShare(l.clock.Now()); share < 1 {
			b.rate, b.tokens = perSecond*share, 0
		}
		l.buckets[name] = b
	}
	return b
}

// inheritedTokens is what a new bucket of a command too slow to save a third of a second's
// requests (the gift commands at 1/s) starts with. The process before this one (plan before
// apply) may have just spent the vendor's one-request bucket: the pace ledger says when it last
// sent, and the bucket holds what the vendor's has refilled since. Without a usable ledger the
// bucket fills from when this limiter was made, so a request in the first second waits for its
// slot rather than meet 100012.
func (l *limiter) inheritedTokens(name string, perSecond, burst float64) float64 {
	now := l.clock.Now()
	if l.ledger == nil || !l.ledger.ready() {
		return min(burst, now.Sub(l.born).Seconds()*perSecond)
	}
	last, ok := l.ledger.lastSent(name)
	if !ok {
		return burst
	}
	// A record in the future (another process's reserved slot, a clock step) makes this one
	// wait for it, at most one more interval.
	return max(-burst, min(burst, now.Sub(last).Seconds()*perSecond))
}

// granted records a slot of a slow command in the pace ledger, for the processes after this one.
func (l *limiter) granted(command string, b *bucket) {
	if b.slow && l.ledger != nil {
		l.ledger.recordSent(l.bucketName(command), l.clock.Now())
	}
}

// grant is a slot the limiter gave, at which pace (its epoch): a refusal of a request sent
// before the last cut does not cut again.
type grant struct{ epoch uint64 }

// wait blocks until command may send one request, through the Client's clock, and returns how
// long it waited. With onlyIfFree it takes a slot only if one is free now, and otherwise returns
// got = false at once, reserving nothing. On ctx cancellation the reserved slot is given back.
// A waiter whose slot was reserved before a cut takes a new one at the new pace.
func (l *limiter) wait(ctx context.Context, command string, onlyIfFree bool) (waited time.Duration, g grant, got bool, err error) {
	if err := ctx.Err(); err != nil {
		return 0, grant{}, false, err
	}
	b := l.bucket(command)
	if onlyIfFree && l.sharing() {
		return 0, grant{}, false, nil
	}
	for {
		now := l.clock.Now()
		delay, epoch, ok := b.reserve(now, onlyIfFree)
		if !ok {
			return 0, grant{}, false, nil
		}
		if delay <= 0 {
			l.granted(command, b)
			return waited, grant{epoch: epoch}, true, nil
		}
		if err := l.clock.Sleep(ctx, delay); err != nil {
			b.cancel(epoch)
			return 0, grant{}, false, err
		}
		waited += delay
		if b.current(epoch) {
			l.granted(command, b)
			return waited, grant{epoch: epoch}, true, nil
		}
	}
}

// refused tells the limiter that a request of command sent under g was refused for its rate.
// The vendor meters each command on its own, but a refusal means other clients share the
// application's budget, and they send the other commands too (a run's creates are followed by
// its read-backs and updates): every other command drops its saved burst and slows to the same
// share of its cap, so it does not meet the other runs at full pace and learn by refusals again.
func (l *limiter) refused(command string, g grant) (cut bool, perSecond float64) {
	now := l.clock.Now()
	b := l.bucket(command)
	cut, perSecond = b.cut(now, g.epoch)
	if !cut {
		return cut, perSecond
	}
	share := perSecond / b.ceiling
	l.mu.Lock()
	defer l.mu.Unlock()
	l.cutShare, l.cutAt = share, now
	own := l.bucketName(command)
	for name, other := range l.buckets {
		if name != own {
			other.slowTo(now, share)
		}
	}
	return cut, perSecond
}

// sharing reports whether a refusal says other clients share the budget and the pace has not
// grown back to the cap since: optional requests (WhenIdle) then wait for a quiet budget rather
// than take the slots the other runs' required requests need.
func (l *limiter) sharing() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.recoveredShare(l.clock.Now()) < 1
}

// recoveredShare is the share of its cap a command starting now begins at: 1 when no refusal
// happened, else the last cut's share grown back since as a bucket's pace grows. l.mu is held.
func (l *limiter) recoveredShare(now time.Time) float64 {
	if l.cutAt.IsZero() {
		return 1
	}
	return min(1, l.cutShare+now.Sub(l.cutAt).Seconds()/recoverySeconds)
}

// bucket is one command's token bucket whose refill rate (the pace) adapts to refusals. Tokens
// may go negative: each waiter holds one, and -tokens/rate is the wait of the last one.
type bucket struct {
	ceiling float64 // CommandLimit's rate: the hard cap
	burst   float64
	slow    bool // below burstDivisor a second: its sends go in the pace ledger

	mu     sync.Mutex
	rate   float64
	tokens float64
	last   time.Time // of the last refill
	epoch  uint64    // cuts so far
}

// advance refills the tokens and grows the pace for the time since the last call.
func (b *bucket) advance(now time.Time) {
	if b.last.IsZero() {
		b.last = now
	}
	elapsed := now.Sub(b.last).Seconds()
	if elapsed <= 0 {
		return // a clock read older than the last one: nothing to add
	}
	b.last = now
	b.tokens = min(b.burst, b.tokens+elapsed*b.rate)
	if b.rate < b.ceiling {
		b.rate = min(b.ceiling, b.rate+elapsed*b.ceiling/recoverySeconds)
	}
}

// reserve takes a token and returns how long to wait before using it.
func (b *bucket) reserve(now time.Time, onlyIfFree bool) (delay time.Duration, epoch uint64, ok bool) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.advance(now)
	if onlyIfFree && b.tokens < 1 {
		return 0, b.epoch, false
	}
	b.tokens--
	if b.tokens >= 0 {
		return 0, b.epoch, true
	}
	return time.Duration(-b.tokens / b.rate * float64(time.Second)), b.epoch, true
}

// current reports whether no cut happened since epoch.
func (b *bucket) current(epoch uint64) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.epoch == epoch
}

// cancel gives back a token reserved at epoch and not used. A cut since then forgave it.
func (b *bucket) cancel(epoch uint64) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.epoch == epoch {
		b.tokens = min(b.burst, b.tokens+1)
	}
}

// slowTo lowers the pace to share of the cap, if it is faster, and drops the saved burst.
func (b *bucket) slowTo(now time.Time, share float64) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.advance(now)
	b.rate = min(b.rate, max(b.ceiling/minRateDivisor, b.ceiling*share))
	b.tokens = min(b.tokens, 0)
}

// cut lowers the pace after a refusal of a request sent at epoch. A request sent before the
// last cut says nothing about the new pace, so it does not cut again. The waiters' tokens are
// forgiven: each takes a new slot at the new pace when it wakes.
func (b *bucket) cut(now time.Time, epoch uint64) (bool, float64) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if epoch != b.epoch {
		return false, b.rate
	}
	b.advance(now)
	b.rate = max(b.ceiling/minRateDivisor, b.rate*cutFactor)
	b.tokens = 0
	b.epoch++
	return true, b.rate
}
