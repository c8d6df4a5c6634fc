package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/tencentlive/terraform-provider-tencentlive/emulator"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/e2e"
)

// The scenarios beyond plan/apply/refresh/destroy of N rooms: what adopting rooms with
// `terraform query` costs, several workspaces applying at once, and the gift catalogue, whose
// commands are limited to 1 call/s. Each is a few rows of one table, measured against its API
// floor and, where one exists, the no-op provider doing the same with no work behind it.

// measured is one CLI run (or several at once) of a scenario.
type measured struct {
	wall        time.Duration
	cpu         time.Duration // the CLIs and every process they waited for, user+system
	providerCPU time.Duration // the provider processes, as last polled
	stats       e2e.Stats     // what the emulator served during it (zero without one)
	otherLoad   float64       // cores of other work during it (see measureStep)
}

// scenarioRow is one row of the scenarios' table.
type scenarioRow struct {
	section string // the table's group: "adopt", "concurrent", "gifts"
	what    string
	rooms   int       // requests and CPU are shown per room when > 0, as totals otherwise
	room    *measured // the provider against the emulator
	noop    *measured // the no-op provider doing the same; nil: not measured
	floor   float64   // the least seconds the documented rates allow; 0: none
	target  float64   // the ratio the issue asks for; 0: none
	note    string
	err     error
}

// bar is what the row's time is held against: the larger of the floor and the no-op time.
func (r scenarioRow) bar() float64 {
	bar := r.floor
	if r.noop != nil {
		bar = max(bar, r.noop.wall.Seconds())
	}
	return bar
}

func (r scenarioRow) ratio() float64 {
	if r.room == nil || r.bar() == 0 {
		return 0
	}
	return r.room.wall.Seconds() / r.bar()
}

func (r scenarioRow) verdict() string {
	if r.err != nil || r.room == nil {
		return "**failed**"
	}
	if r.target == 0 {
		return "—"
	}
	var misses []string
	if ratio := r.ratio(); ratio > r.target {
		misses = append(misses, fmt.Sprintf("%.2f× > %.1f×", ratio, r.target))
	}
	if len(misses) == 0 {
		return "yes"
	}
	return "**no**: " + strings.Join(misses, ", ")
}

// scenarioRunner runs the scenarios' CLI steps, logging each.
type scenarioRunner struct {
	cfg     config
	logs    string
	running map[kind]*e2e.Emulator // every emulator up, so their CPU is not counted as other load
}

// startEmulator starts the emulator process of scenario name at the documented limits with
// latency, logging to logs/emulator-NAME.log; it counts as running (its CPU is not other load)
// until stop.
func (sr *scenarioRunner) startEmulator(ctx context.Context, name kind, latency time.Duration) (emu *e2e.Emulator, stop func(), err error) {
	log, err := os.Create(filepath.Join(sr.logs, "emulator-"+string(name)+".log"))
	if err != nil {
		return nil, nil, err
	}
	emu, err = e2e.StartEmulator(ctx, sr.cfg.bins.Emulator, e2e.EmulatorOptions{Latency: latency, QPS: emulator.DocumentedQPS, Log: log})
	if err != nil {
		log.Close()
		return nil, nil, err
	}
	sr.running[name] = emu
	return emu, func() {
		emu.Stop()
		delete(sr.running, name)
		log.Close()
	}, nil
}

// step runs s in ws, counting emu's requests, and checks its output with want (nil: exit 0 is
// enough). The log goes to logs/scenario-NAME.log.
func (sr *scenarioRunner) step(ctx context.Context, name string, ws *e2e.Workspace, emu *e2e.Emulator, s e2e.Step, want *regexp.Regexp) (*measured, string, error) {
	fmt.Fprintf(os.Stderr, "%-52s ", name)
	if emu != nil {
		if err := emu.ResetStats(ctx); err != nil {
			return nil, "", err
		}
	}
	before := sampleLoad(sr.running)
	stepCtx, cancel := context.WithTimeout(ctx, sr.cfg.stepTimeout)
	defer cancel()
	res, err := ws.Run(stepCtx, s)
	if err != nil {
		return nil, "", err
	}
	logName := filepath.Join(sr.logs, "scenario-"+logSafe(name)+".log")
	_ = os.WriteFile(logName, []byte(res.Stdout+res.Stderr), 0o644)
	m := &measured{wall: res.Wall, cpu: res.CPU, providerCPU: res.Usage.ProviderCPU}
	m.otherLoad = otherLoad(before, sampleLoad(sr.running), res.CPU, res.Wall)
	if err := res.Err(); err != nil {
		fmt.Fprintf(os.Stderr, "FAILED (%s)\n", logName)
		return m, res.Stdout, err
	}
	if want != nil && !want.MatchString(res.Stdout) {
		fmt.Fprintf(os.Stderr, "FAILED (%s)\n", logName)
		return m, res.Stdout, fmt.Errorf("%s: output lacks %q:\n%s", name, want, tailLines(res.Stdout, 15))
	}
	if emu != nil {
		if m.stats, err = emu.Stats(ctx); err != nil {
			return m, res.Stdout, err
		}
	}
	fmt.Fprintf(os.Stderr, "%7.2fs  (other load %.1f cores)\n", m.wall.Seconds(), m.otherLoad)
	return m, res.Stdout, nil
}

// atOnce runs s in every workspace at the same time, counting emu's requests over all of them.
func (sr *scenarioRunner) atOnce(ctx context.Context, name string, wss []*e2e.Workspace, emu *e2e.Emulator, s e2e.Step, want *regexp.Regexp) (*measured, error) {
	fmt.Fprintf(os.Stderr, "%-52s ", name)
	if emu != nil {
		if err := emu.ResetStats(ctx); err != nil {
			return nil, err
		}
	}
	before := sampleLoad(sr.running)
	stepCtx, cancel := context.WithTimeout(ctx, sr.cfg.stepTimeout)
	defer cancel()
	results, wall, err := e2e.RunAtOnce(stepCtx, wss, s)
	if err != nil {
		return nil, err
	}
	m := &measured{wall: wall}
	var problems []string
	for i, res := range results {
		m.cpu += res.CPU
		m.providerCPU += res.Usage.ProviderCPU
		_ = os.WriteFile(filepath.Join(sr.logs, fmt.Sprintf("scenario-%s-%d.log", logSafe(name), i)), []byte(res.Stdout+res.Stderr), 0o644)
		if err := res.Err(); err != nil {
			problems = append(problems, err.Error())
		} else if want != nil && !want.MatchString(res.Stdout) {
			problems = append(problems, fmt.Sprintf("run %d: output lacks %q:\n%s", i, want, tailLines(res.Stdout, 15)))
		}
	}
	m.otherLoad = otherLoad(before, sampleLoad(sr.running), m.cpu, wall)
	if len(problems) > 0 {
		fmt.Fprintf(os.Stderr, "FAILED (%s)\n", filepath.Join(sr.logs, "scenario-"+logSafe(name)+"-N.log"))
		return m, fmt.Errorf("%s: %s", name, strings.Join(problems, "\n"))
	}
	if emu != nil {
		if m.stats, err = emu.Stats(ctx); err != nil {
			return m, err
		}
	}
	fmt.Fprintf(os.Stderr, "%7.2fs  (other load %.1f cores)\n", m.wall.Seconds(), m.otherLoad)
	return m, nil
}

func logSafe(name string) string {
	return strings.Trim(regexp.MustCompile(`[^A-Za-z0-9.]+`).ReplaceAllString(name, "-"), "-")
}

// otherLoad is the CPU, in cores, that neither the CLIs, their providers, the emulators nor
// this driver used between two samples: other work on the machine.
func otherLoad(before, after loadSample, cpu, wall time.Duration) float64 {
	if wall <= 0 {
		return 0
	}
	other := after.busy - before.busy - (after.emulator - before.emulator) - (after.self - before.self) - cpu
	return max(0, other.Seconds()/wall.Seconds())
}

// scenarioTable renders the rows, a note under each section.
func scenarioTable(rows []scenarioRow) string {
	if len(rows) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("\n### Adoption with terraform query, workspaces at once, the gift catalogue\n\n")
	b.WriteString("| scenario | tencentlive | no-op provider | API floor | ratio | target met | requests | rate-refused (60007, 100012) | provider CPU | CPU of CLI + provider |\n")
	b.WriteString("|---|--:|--:|--:|--:|---|---|--:|--:|--:|\n")
	for _, r := range rows {
		room, noop, floor, ratio, requests, refused, pcpu, cpu := "—", "—", "—", "—", "—", "—", "—", "—"
		if r.room != nil {
			room = secs(r.room.wall) + noisyMark(r.room.otherLoad)
			requests = requestsOf(r.room.stats, r.rooms)
			refused = fmt.Sprint(r.room.stats.RateRefused)
			pcpu = secs(r.room.providerCPU)
			if r.rooms > 0 {
				pcpu += fmt.Sprintf(" (%.2f ms/room)", float64(r.room.providerCPU.Microseconds())/1000/float64(r.rooms))
			}
			cpu = secs(r.room.cpu)
		}
		if r.err != nil {
			room = "failed"
		}
		if r.noop != nil {
			noop = secs(r.noop.wall) + noisyMark(r.noop.otherLoad)
			cpu += " / " + secs(r.noop.cpu)
		}
		if r.floor > 0 {
			floor = fmt.Sprintf("%.2f s", r.floor)
		}
		if r.err == nil && r.bar() > 0 {
			ratio = fmt.Sprintf("%.2f", r.ratio())
		}
		what := r.what
		if r.note != "" {
			what += " — " + r.note
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n", what, room, noop, floor, ratio, r.verdict(), requests, refused, pcpu, cpu)
	}
	b.WriteString(`
Ratio: tencentlive's time / max(API floor, no-op provider's time); the target is the issue's
(query 1.2× of the larger of the list floor and the no-op query, the plan of the generated import-only
configuration 1.2× of the no-op provider's, three workspaces at once 1.3× of three no-op workspaces,
the gift catalogue 1.2× of its rate floor). API floor: the busiest command's requests divided by
its documented rate (for the query, 10 get_room_list pages a second; the gift commands, 1 call a
second each), from the requests the emulator saw, except the gift rows, whose floor is the
catalogue's own (the most calls one command needs, at 1/s). Requests are per room for the room
scenarios, totals for the gift catalogue. Refused: rate refusals at the emulator, every one
retried by the client (a step that failed shows "failed"). The no-op provider answers the same
rooms from a file of the real provider's query output. CPU of CLI + provider: tencentlive / no-op.
A time marked † ran while other processes used more than 0.5 of a core.
`)
	return b.String()
}

// requestsOf is a step's requests, per room when rooms > 0: "2.01 (create_room 1, get_room_info
// 1.01)", or the counts: "79 (set_gift_language 48, …)".
func requestsOf(st e2e.Stats, rooms int) string {
	if st.Total == 0 {
		return "none"
	}
	if rooms > 0 {
		return fmt.Sprintf("%s (%s)", trimFloat(float64(st.Total)/float64(rooms)), perRoom([]e2e.Stats{st}, rooms))
	}
	return fmt.Sprintf("%d (%s)", st.Total, perRoom([]e2e.Stats{st}, 1))
}

func noisyMark(cores float64) string {
	if cores > noisyLoad {
		return " †"
	}
	return ""
}
