package e2e

import (
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tencentlive/terraform-provider-tencentlive/emulator"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

// faultSeed is RELIABILITY_SEED when set (to replay a run), otherwise random; it is logged.
func faultSeed(t *testing.T) int64 {
	t.Helper()
	if s := os.Getenv("RELIABILITY_SEED"); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil || n == 0 {
			t.Fatalf("RELIABILITY_SEED=%q: want a non-zero integer", s)
		}
		return n
	}
	return 1 + rand.Int64N(1<<62)
}

// testFaultSoak applies 200 rooms, updates every one, and destroys them, with a fifth of all
// requests failing (before or after the emulator applied them) and the documented rate limits
// on. Every step must succeed without showing a diagnostic, the emulator must hold exactly what
// the state says after each step, and a re-plan must be empty.
func (r *reliability) testFaultSoak(t *testing.T) {
	const (
		n           = 200
		parallelism = 10 // Terraform's default
		faults      = 0.2
		latency     = 20 * time.Millisecond
		prefix      = "soak-"
	)
	seed := faultSeed(t)
	emu, _ := r.emulator(t, EmulatorOptions{Faults: faults, Latency: latency, Seed: seed, QPS: emulator.DocumentedQPS})
	ws := r.workspace(t, emu.ProviderEnv(), roomsConfig(n, prefix, "v1"))
	figure(t, "%d rooms, emulator -faults %v -latency %v -seed %d, documented rate limits, -parallelism=%d",
		n, faults, latency, seed, parallelism)

	var total stepCost
	step := func(name string, s Step, want string) { t.Helper(); total.add(soakStep(t, emu, ws, name, s, want)) }

	step("apply", Apply(parallelism), "Apply complete! Resources: 200 added, 0 changed, 0 destroyed.")
	assertConverged(t, emu, ws, n, roomsSpec(prefix, "v1"))
	step("re-plan after apply", Plan(parallelism).With("-detailed-exitcode"), "No changes.")

	writeConfig(t, ws, roomsConfig(n, prefix, "v2"))
	step("update (room_name and notice of every room)", Apply(parallelism), "Apply complete! Resources: 0 added, 200 changed, 0 destroyed.")
	assertConverged(t, emu, ws, n, roomsSpec(prefix, "v2"))
	step("re-plan after update", Plan(parallelism).With("-detailed-exitcode"), "No changes.")

	step("destroy", Destroy(parallelism), "Destroy complete! Resources: 200 destroyed.")
	assertConverged(t, emu, ws, 0, roomsSpec(prefix, "v2"))

	if total.Emulator.Faults == 0 || total.Provider.Retries == 0 {
		t.Fatalf("the soak saw %d faults and %d retries: the faults were not injected", total.Emulator.Faults, total.Provider.Retries)
	}
	figure(t, "all steps: %s", total)
}

func addStats(a, b Stats) Stats {
	return Stats{Total: a.Total + b.Total, Commands: addCounts(a.Commands, b.Commands), ErrorCodes: addCounts(a.ErrorCodes, b.ErrorCodes),
		Faults: a.Faults + b.Faults, FaultKinds: addCounts(a.FaultKinds, b.FaultKinds), RateRefused: a.RateRefused + b.RateRefused}
}

func addCounts[K comparable](x, y map[K]int64) map[K]int64 {
	out := map[K]int64{}
	for k, v := range x {
		out[k] += v
	}
	for k, v := range y {
		out[k] += v
	}
	return out
}

// testRate applies 300 rooms at -parallelism=50 against the documented limits (create_room
// 200/s per SDKAppID, 60007 above it): no 60007 may reach the user, and the achieved create
// rate is reported against the limit.
func (r *reliability) testRate(t *testing.T) {
	const (
		n           = 300
		parallelism = 50
		prefix      = "rate-"
	)
	emu, _ := r.emulator(t, EmulatorOptions{QPS: emulator.DocumentedQPS})
	ws := r.workspace(t, emu.ProviderEnv(), roomsConfig(n, prefix, "v1"))

	res, cost := measured(t, emu, ws, Apply(parallelism))
	assertNoDiagnostics(t, res)
	if out := res.Stdout + res.Stderr; strings.Contains(out, "60007") {
		t.Fatalf("a 60007 reached the output:\n%s", tail(out, 4000))
	}
	rooms := assertConverged(t, emu, ws, n, roomsSpec(prefix, "v1"))
	rate := measureCreateRate(rooms)
	figure(t, "apply of %d rooms at -parallelism=%d, documented limits: %s", n, parallelism, cost)
	figure(t, "create_room: %d rooms created in %.2fs (first to last) = %.0f/s mean; busiest 1 s window %d creates; limit 200/s; over the apply's wall time %.0f/s",
		len(rooms), rate.Span.Seconds(), rate.Mean, rate.Peak1s, float64(len(rooms))/cost.Wall.Seconds())
	figure(t, "60007 answers from the emulator: %d (refused requests, all retried by the client)", cost.Emulator.RateRefused)
	// The client's own ceiling: its rate plus the burst its bucket starts with. The emulator's
	// bucket (200/s, burst 200) admits more, so a peak above this is the client's pacing failing.
	perSecond, burst := wire.CommandLimit("create_room", 0)
	if ceiling := int(perSecond) + burst; rate.Peak1s > ceiling {
		t.Fatalf("%d creates in one second: the client paces create_room at %.0f/s with a burst of %d (at most %d in any second)",
			rate.Peak1s, perSecond, burst, ceiling)
	}
}

// testRateSharedQuota is testRate with the service stricter than documented, as when other
// clients spend the same SDKAppID's budget: the emulator allows 20 requests/s per command while
// the provider paces itself for 194/s, so 60007s are certain. The client's retries must absorb
// every one of them: the apply succeeds with no diagnostic.
func (r *reliability) testRateSharedQuota(t *testing.T) {
	const (
		n           = 100
		parallelism = 50
		qps         = 20
		prefix      = "quota-"
	)
	emu, _ := r.emulator(t, EmulatorOptions{QPS: qps})
	ws := r.workspace(t, emu.ProviderEnv(), roomsConfig(n, prefix, "v1"))

	res, cost := measured(t, emu, ws, Apply(parallelism))
	assertNoDiagnostics(t, res)
	if out := res.Stdout + res.Stderr; strings.Contains(out, "60007") {
		t.Fatalf("a 60007 reached the output:\n%s", tail(out, 4000))
	}
	rooms := assertConverged(t, emu, ws, n, roomsSpec(prefix, "v1"))
	if cost.Emulator.RateRefused == 0 {
		t.Fatalf("the emulator refused nothing at -qps %d: the scenario did not run", qps)
	}
	rate := measureCreateRate(rooms)
	figure(t, "apply of %d rooms at -parallelism=%d, emulator -qps %d: %s", n, parallelism, qps, cost)
	figure(t, "%d requests refused with 60007, none reached a diagnostic; create_room %.0f/s mean, busiest 1 s window %d",
		cost.Emulator.RateRefused, rate.Mean, rate.Peak1s)
}

// createRate is how fast rooms were created, from the emulator's creation times.
type createRate struct {
	Span   time.Duration // first to last creation
	Mean   float64       // creations per second over Span
	Peak1s int           // most creations within any one-second window
}

func measureCreateRate(rooms []Room) createRate {
	var ts []time.Time
	for _, r := range rooms {
		ts = append(ts, r.CreateTime)
	}
	slices.SortFunc(ts, func(a, b time.Time) int { return a.Compare(b) })
	var c createRate
	if len(ts) < 2 {
		c.Peak1s = len(ts)
		return c
	}
	c.Span = ts[len(ts)-1].Sub(ts[0])
	if c.Span > 0 {
		c.Mean = float64(len(ts)-1) / c.Span.Seconds()
	}
	for lo, hi := 0, 0; hi < len(ts); hi++ {
		for ts[hi].Sub(ts[lo]) >= time.Second {
			lo++
		}
		c.Peak1s = max(c.Peak1s, hi-lo+1)
	}
	return c
}
