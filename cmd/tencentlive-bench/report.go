package main

import (
	"fmt"
	"os"
	"runtime"
	"strings"
	"time"
)

// Targets of issue #6, checked at parallelism targetP.
const (
	targetP        = 50
	targetRatio    = 1.2
	targetRSSBytes = 100 << 20
	targetRSSAtN   = 1000
)

type row struct {
	n, p       int
	step       string
	room, data *result
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
		if r.kind == kindRoom {
			out[j].room = r
		} else {
			out[j].data = r
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

func render(cfg config, results []result, took time.Duration, runErr error) string {
	var b strings.Builder
	fmt.Fprintf(&b, "## Benchmark: %s vs %s\n\n", kindRoom, kindData)
	command := os.Getenv("BENCH_COMMAND") // what the user typed, when a script ran us
	if command == "" {
		command = strings.Join(append([]string{"tencentlive-bench"}, os.Args[1:]...), " ")
	}
	fmt.Fprintf(&b, "Command: `%s`  \n", command)
	fmt.Fprintf(&b, "CLI: %s; %d CPUs (%s/%s); emulator: documented rate limits, %v latency per request; started %s; total runtime %s; load average %s before, %s after.\n\n",
		cliVersion(cfg.bins.Terraform), runtime.NumCPU(), runtime.GOOS, runtime.GOARCH, cfg.latency,
		time.Now().Add(-took).UTC().Format("2006-01-02 15:04 UTC"), took.Round(time.Second), cfg.load[0], cfg.load[1])
	b.WriteString("| N | P | step | tencentlive_room | terraform_data | API floor | ratio | target met (P=50) | requests/room | 60007 refused | provider peak RSS |\n")
	b.WriteString("|--:|--:|---|--:|--:|--:|--:|---|--:|--:|--:|\n")
	all := rows(results)
	for _, r := range all {
		room, data, floor, ratio, perRoomTotal, refused, rss := "—", "—", "—", "—", "—", "—", "—"
		if r.data != nil && r.data.err == nil {
			data = secs(r.data.wall)
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
				room = secs(r.room.wall)
				ratio = fmt.Sprintf("%.2f", r.ratio())
			}
		}
		fmt.Fprintf(&b, "| %d | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n",
			r.n, r.p, r.step, room, data, floor, ratio, r.verdict(), perRoomTotal, refused, rss)
	}
	b.WriteString(`
Times are wall-clock seconds of one CLI run each. API floor: for each phase of the step (the plan,
then for apply and destroy the apply after it, split where the CLI prints its "Plan:" line), the
busiest command's measured requests divided by its documented rate (200/s for room commands),
summed over the phases. Ratio: tencentlive_room time / max(terraform_data time, API floor); the
target is ≤ 1.2 at -parallelism=50, with no 60007 refusal and, at N = 1000, provider peak RSS
under 100 MB (VmHWM of the provider process, polled every 50 ms; the highest of all provider
processes the step started). CPU is user+system time: of the provider processes as last polled,
and of the CLI with every process it waited for. Other load on the machine (see the load average
above) slows both kinds; compare rows of one run, not runs on different machines.
`)
	b.WriteString("\n### Requests per room, by phase and command\n\n")
	b.WriteString("| N | P | step | requests per room (plan phase → apply phase) | provider CPU | CPU of CLI + provider (room / data) | CLI peak RSS (room / data) |\n")
	b.WriteString("|--:|--:|---|---|--:|--:|--:|\n")
	for _, r := range all {
		if r.room == nil {
			continue
		}
		dataRSS, dataCPU := "—", "—"
		if r.data != nil {
			dataRSS, dataCPU = mb(r.data.usage.CLIPeakRSS), secs(r.data.cpu)
		}
		fmt.Fprintf(&b, "| %d | %d | %s | %s | %s | %s / %s | %s / %s |\n", r.n, r.p, r.step,
			perRoom(r.room.phases, r.n), secs(r.room.usage.ProviderCPU), secs(r.room.cpu), dataCPU,
			mb(r.room.usage.CLIPeakRSS), dataRSS)
	}
	if runErr != nil {
		fmt.Fprintf(&b, "\n**The run stopped early:** %v\n", firstLine(runErr.Error()))
	}
	return b.String()
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
