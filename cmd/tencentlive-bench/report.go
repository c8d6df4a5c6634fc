package main

import (
	"fmt"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/e2e"
)

// The speed targets of a single workspace against the no-op provider, checked at parallelism
// targetP.
const (
	targetP        = 50
	targetRatio    = 1.2
	targetRSSBytes = 100 << 20
	targetRSSAtN   = 1000

	// noisyLoad is the other load, in cores, above which a time is marked as disturbed.
	noisyLoad = 0.5
)

type row struct {
	n, p                   int
	step                   string
	room, data, fast, noop *result
}

// rows pairs the two kinds' results of the same N, parallelism and step, in run order.
func rows(results []result) []row {
	var out []row
	index := map[string]int{}
	for i := range results {
		r := &results[i]
		key := fmt.Sprintf("%d/%d/%s", r.n, r.p, r.step)
		j, ok := index[key]
		if !ok {
			j = len(out)
			index[key] = j
			out = append(out, row{n: r.n, p: r.p, step: r.step})
		}
		switch r.kind {
		case kindRoom:
			out[j].room = r
		case kindData:
			out[j].data = r
		case kindFast:
			out[j].fast = r
		case kindNoop:
			out[j].noop = r
		}
	}
	return out
}

// verdict checks a row against the targets: "" when not applicable (other parallelism or a
// kind missing), otherwise "yes" or "no (reasons)".
func (r row) verdict() string {
	if r.p != targetP || r.room == nil || r.data == nil || r.room.err != nil {
		return "—"
	}
	var misses []string
	if ratio := r.ratio(); ratio > targetRatio {
		misses = append(misses, fmt.Sprintf("%.2f× > %.1f×", ratio, targetRatio))
	}
	if _, refused, _ := sumStats(r.room.phases); refused > 0 {
		misses = append(misses, fmt.Sprintf("%d refused", refused))
	}
	if r.n >= targetRSSAtN && r.room.usage.ProviderPeakRSS >= targetRSSBytes {
		misses = append(misses, "RSS ≥ 100 MB")
	}
	if len(misses) == 0 {
		return "yes"
	}
	return "**no**: " + strings.Join(misses, ", ")
}

// noopRatio is the provider's time over the larger of the no-op provider's and the API floor
// (issue 21's measure: what the provider adds to the CLI's own work for this schema).
func (r row) noopRatio() string {
	if r.room == nil || r.room.err != nil || r.noop == nil || r.noop.err != nil {
		return "—"
	}
	return fmt.Sprintf("%.2f", r.room.wall.Seconds()/max(apiFloor(r.room.phases), r.noop.wall.Seconds()))
}

// ratio is the provider's time over the better of Terraform's own time and the API floor.
func (r row) ratio() float64 {
	bar := apiFloor(r.room.phases)
	if r.data != nil {
		bar = max(bar, r.data.wall.Seconds())
	}
	if bar == 0 {
		return 0
	}
	return r.room.wall.Seconds() / bar
}

func render(cfg config, results []result, scenarios []scenarioRow, took time.Duration, runErr error) string {
	b := &strings.Builder{}
	cli := cfg.cli
	if cli == "" {
		cli = cliVersion(cfg.bins.Terraform)
	}
	fmt.Fprintf(b, "## Benchmark under %s: %s vs %s\n\n", cli, kindRoom, kindData)
	command := os.Getenv("BENCH_COMMAND") // what the user typed, when a script ran us
	if command == "" {
		command = strings.Join(append([]string{"tencentlive-bench"}, os.Args[1:]...), " ")
	}
	fmt.Fprintf(b, "Command: `%s`  \n", command)
	fmt.Fprintf(b, "CLI: %s (%s); %d CPUs (%s/%s); emulator: documented rate limits, %v latency per request; started %s; total runtime %s; load average %s before, %s after.\n",
		cli, cfg.bins.Terraform, runtime.NumCPU(), runtime.GOOS, runtime.GOARCH, cfg.latency,
		time.Now().Add(-took).UTC().Format("2006-01-02 15:04 UTC"), took.Round(time.Second), cfg.load[0], cfg.load[1])
	if (cfg.queryN > 0 || cfg.importN > 0) && !cfg.queryCLI() {
		b.WriteString("\nThe terraform query rows were not measured: this CLI has no list resources (Terraform 1.14+).\n")
	}
	b.WriteString("\n")
	if len(results) > 0 {
		renderSteps(b, rows(results))
	}
	b.WriteString(scenarioTable(scenarios))
	if runErr != nil {
		fmt.Fprintf(b, "\n**The run stopped early:** %v\n", firstLine(runErr.Error()))
	}
	return b.String()
}

// renderSteps writes the tables of plan, apply, refresh-only plan and destroy of N rooms.
func renderSteps(b *strings.Builder, all []row) {
	withFast, withNoop := false, false
	for _, r := range all {
		withFast, withNoop = withFast || r.fast != nil, withNoop || r.noop != nil
	}
	fastHead, fastRule, noopRatioHead, noopRatioRule := "", "", "", ""
	if withNoop {
		noopRatioHead, noopRatioRule = " ratio to no-op |", "--:|"
		fastHead, fastRule = fastHead+" no-op provider, same schema |", fastRule+"--:|"
	}
	if withFast {
		fastHead, fastRule = fastHead+" tencentlive_room, instant API |", fastRule+"--:|"
	}
	b.WriteString("| N | P | step | tencentlive_room | terraform_data |" + fastHead + " API floor | ratio |" + noopRatioHead + " target met (P=50) | requests/room | 60007 refused | provider peak RSS |\n")
	b.WriteString("|--:|--:|---|--:|--:|" + fastRule + "--:|--:|" + noopRatioRule + "---|--:|--:|--:|\n")
	for _, r := range all {
		room, data, floor, ratio, perRoomTotal, refused, rss := "—", "—", "—", "—", "—", "—", "—"
		if r.data != nil && r.data.err == nil {
			data = secs(r.data.wall) + noisy(r.data)
		}
		if r.room != nil {
			total, ref, _ := sumStats(r.room.phases)
			floor = secs(time.Duration(apiFloor(r.room.phases) * float64(time.Second)))
			perRoomTotal = trimFloat(float64(total) / float64(r.n))
			refused = fmt.Sprint(ref)
			rss = mb(r.room.usage.ProviderPeakRSS)
			if r.room.err != nil {
				room = "failed"
			} else {
				room = secs(r.room.wall) + noisy(r.room)
				ratio = fmt.Sprintf("%.2f", r.ratio())
			}
		}
		fast, noopRatio := "", ""
		if withNoop {
			fast += " " + wallOf(r.noop) + " |"
			noopRatio = " " + r.noopRatio() + " |"
		}
		if withFast {
			fast += " " + wallOf(r.fast) + " |"
		}
		fmt.Fprintf(b, "| %d | %d | %s | %s | %s |%s %s | %s |%s %s | %s | %s | %s |\n",
			r.n, r.p, r.step, room, data, fast, floor, ratio, noopRatio, r.verdict(), perRoomTotal, refused, rss)
	}
	b.WriteString(`
Times are wall-clock seconds of one CLI run each. API floor: for each phase of the step (the plan,
then for apply and destroy the apply after it, split where the CLI prints its "Plan:" line), the
busiest command's measured requests divided by its documented rate (200/s for room commands),
summed over the phases. Ratio: tencentlive_room time / max(terraform_data time, API floor); the
target is ≤ 1.2 at -parallelism=50, with no 60007 refusal and, at N = 1000, provider peak RSS
under 100 MB (VmHWM of the provider process, polled every 50 ms; the highest of all provider
processes the step started). The no-op provider serves tencentlive_room's schema and does
nothing (see below). "Instant API", when measured (-kinds room,data,fast), is the same
provider against a second emulator with no latency and no server-side rate limit; the provider's
own limiter still holds each command under its documented rate. CPU is user+system time: of the
provider processes as last polled, and of the CLI with every process it waited for. The kinds run step by step in
turn, so the times of a row see similar conditions; a time marked † ran while other processes
used more than 0.5 of a core on average (machine CPU time during the step, less the CLI's, its
providers', the emulators' and this driver's), and is slower for it.
`)
	b.WriteString(phaseTable(all))
	b.WriteString("\n### Requests per room, by phase and command\n\n")
	b.WriteString("| N | P | step | requests per room (plan phase → apply phase) | provider CPU: total (ms per room, plan phase → apply phase) | CPU of CLI + provider (room / data) | CLI peak RSS (room / data) | other load, cores (room / data) |\n")
	b.WriteString("|--:|--:|---|---|--:|--:|--:|--:|\n")
	for _, r := range all {
		if r.room == nil {
			continue
		}
		dataRSS, dataCPU, dataLoad := "—", "—", "—"
		if r.data != nil {
			dataRSS, dataCPU, dataLoad = mb(r.data.usage.CLIPeakRSS), secs(r.data.cpu), fmt.Sprintf("%.1f", r.data.otherLoad)
		}
		fmt.Fprintf(b, "| %d | %d | %s | %s | %s | %s / %s | %s / %s | %.1f / %s |\n", r.n, r.p, r.step,
			perRoom(r.room.phases, r.n), providerCPU(r.room), secs(r.room.cpu), dataCPU,
			mb(r.room.usage.CLIPeakRSS), dataRSS, r.room.otherLoad, dataLoad)
	}
}

// phaseTable splits apply and destroy into the plan phase and the apply phase (at the CLI's
// "Plan:" line) for each kind, and sets beside the target the least time any provider could
// take: no phase can be shorter than its API floor, nor than the CLI's own work in it, which the
// no-op provider measures (or, without it, terraform_data, which skips the plugin protocol).
// An apply's requests overlap the CLI's walk, so each of its phases takes at least the larger of
// the two. A destroy's plan phase is two walks in a row (a refresh, then the destroy plan) and
// only the refresh sends requests, so it takes at least the baseline's plan phase with its
// refresh walk (its refresh-only plan step of the same round) raised to the floor.
func phaseTable(all []row) string {
	baselineOf := func(r row) *result {
		if r.noop != nil && r.noop.err == nil {
			return r.noop
		}
		if r.data != nil && r.data.err == nil {
			return r.data
		}
		return nil
	}
	refreshOnly := map[[2]int]*result{} // the baseline's refresh-only plan, by N and P
	for _, r := range all {
		if base := baselineOf(r); r.step == e2e.RefreshPlan(r.p).Name && base != nil {
			refreshOnly[[2]int{r.n, r.p}] = base
		}
	}
	b := &strings.Builder{}
	for _, r := range all {
		base := baselineOf(r)
		if r.room == nil || r.data == nil || base == nil || r.room.err != nil || r.data.err != nil ||
			r.room.planAt == 0 || base.planAt == 0 || len(r.room.phases) != 2 {
			continue
		}
		if b.Len() == 0 {
			b.WriteString("\n### Where the time of apply and destroy goes\n\n")
			b.WriteString("| N | P | step | tencentlive_room: plan + apply phase | terraform_data | no-op provider | instant API | API floor per phase | least any provider could take | 1.2× target | target reachable |\n")
			b.WriteString("|--:|--:|---|--:|--:|--:|--:|--:|--:|--:|---|\n")
		}
		planFloor, applyFloor := phaseFloor(r.room.phases[0]), phaseFloor(r.room.phases[1])
		basePlan, baseApply := base.planAt.Seconds(), (base.wall - base.planAt).Seconds()
		leastPlan := max(planFloor, basePlan)
		if refresh := refreshOnly[[2]int{r.n, r.p}]; r.step == e2e.Destroy(r.p).Name && refresh != nil {
			walk := min(refresh.wall.Seconds(), basePlan)
			leastPlan = basePlan - walk + max(planFloor, walk)
		}
		least := leastPlan + max(applyFloor, baseApply)
		target := targetRatio * max(apiFloor(r.room.phases), r.data.wall.Seconds())
		reachable := "yes"
		if least > target {
			reachable = "**no**"
		}
		fmt.Fprintf(b, "| %d | %d | %s | %s | %s | %s | %s | %.2f + %.2f s | %.2f s | %.2f s | %s |\n", r.n, r.p, r.step,
			phaseSplit(r.room), phaseSplit(r.data), phaseSplit(r.noop), phaseSplit(r.fast), planFloor, applyFloor, least, target, reachable)
	}
	if b.Len() > 0 {
		b.WriteString(`
Each time is the plan phase (up to the CLI's "Plan:" line) + the apply phase after it. The no-op
provider (cmd/tencentlive-provider-noop) serves tencentlive_room's schema and hands Terraform
back what it sent: its times are the CLI's and the plugin protocol's own work for this schema.
"Least any provider could take" adds, phase by phase, what neither the API floor nor that work
lets any provider go below: for apply, the larger of the phase's floor and the no-op provider's
time in it (requests overlap the CLI's walk); for destroy, whose plan phase is a refresh walk
followed by the destroy plan, the no-op provider's plan phase with its refresh walk (its
refresh-only plan step) raised to the floor, then the larger of the apply phase's floor and the
no-op provider's. (Without the no-op provider, terraform_data stands in.) Above the 1.2× target,
no provider can meet the target at that N on this machine. The instant-API column is this
provider without latency or server-side limit.
`)
	}
	return b.String()
}

// providerCPU is the provider processes' CPU in a step, and per room in each phase: "1.52 s (0.61
// → 0.91 ms)", or "0.80 s (0.80 ms)" for a step with no apply phase.
func providerCPU(r *result) string {
	total := r.usage.ProviderCPU
	perRoom := func(d time.Duration) string {
		return fmt.Sprintf("%.2f", float64(d.Microseconds())/1000/float64(r.n))
	}
	if r.planAt == 0 || r.planCPU == 0 {
		return fmt.Sprintf("%s (%s ms)", secs(total), perRoom(total))
	}
	return fmt.Sprintf("%s (%s → %s ms)", secs(total), perRoom(r.planCPU), perRoom(total-r.planCPU))
}

func phaseSplit(r *result) string {
	if r == nil || r.err != nil || r.planAt == 0 {
		return "—"
	}
	return fmt.Sprintf("%.2f + %.2f s", r.planAt.Seconds(), (r.wall - r.planAt).Seconds())
}

// wallOf is a kind's time in a table cell, "—" when it did not run or failed.
func wallOf(r *result) string {
	if r == nil || r.err != nil {
		return "—"
	}
	return secs(r.wall) + noisy(r)
}

func noisy(r *result) string {
	if r.otherLoad > noisyLoad {
		return " †"
	}
	return ""
}

func secs(d time.Duration) string { return fmt.Sprintf("%.2f s", d.Seconds()) }

func mb(bytes uint64) string {
	if bytes == 0 {
		return "—"
	}
	return fmt.Sprintf("%.0f MB", float64(bytes)/(1<<20))
}

func firstLine(s string) string {
	first, _, _ := strings.Cut(s, "\n")
	return first
}
