// Command tencentlive-bench measures plan, apply, refresh-only plan and destroy of N
// tencentlive_room resources with the real Terraform CLI against the emulator (documented rate
// limits on, fixed latency per request), beside the same N of Terraform's built-in
// terraform_data, and prints one markdown table. scripts/bench.sh (`make bench`) runs it.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/tencentlive/terraform-provider-tencentlive/emulator"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/e2e"
)

type config struct {
	ns, ps       []int
	kinds        []kind
	latency      time.Duration
	work, out    string
	bins         e2e.Binaries
	emulatorArgs []string
	env          []string
	stepTimeout  time.Duration
	profile      string // directory for provider CPU/heap profiles; "" = none
	noopProvider string // cmd/tencentlive-provider-noop, built when kinds has noop
	load         [2]string

	// The scenarios (scenario.go); 0 or false skips one.
	queryN, importN, concurrentN int
	gifts                        bool
	cli                          string // the CLI's `version` line, for the report and the query's gate
}

type kind string

const (
	kindRoom kind = "tencentlive_room"
	kindData kind = "terraform_data"
	// kindFast is tencentlive_room against a second emulator without latency or server-side rate
	// limits (the provider's own limiter still holds each command under its documented rate):
	// what latency adds, and the provider's and the plugin protocol's own cost.
	kindFast kind = "tencentlive_room-instant-api"
	// kindNoop is tencentlive_room served by cmd/tencentlive-provider-noop: the same schema with
	// no work behind it, the CLI's and the plugin protocol's own cost.
	kindNoop kind = "tencentlive_room-noop-provider"
)

// usesProvider reports whether a kind runs the real provider (and so needs it built and an
// emulator); the no-op provider needs neither.
func (k kind) usesProvider() bool { return k == kindRoom || k == kindFast }

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "tencentlive-bench:", err)
		os.Exit(1)
	}
}

func run() error {
	var cfg config
	var ns, ps, kinds string
	var emuArgs, env listFlag
	flag.StringVar(&ns, "n", "100,300,500,1000", "comma-separated resource counts of plan/apply/refresh/destroy (\"none\": no such rows)")
	flag.IntVar(&cfg.queryN, "query-n", 1000, "rooms of the terraform query rows (Terraform 1.14+; 0: none)")
	flag.IntVar(&cfg.importN, "import-n", 300, "rooms of the plan of the configuration terraform query -generate-config-out writes (Terraform 1.14+; 0: none)")
	flag.IntVar(&cfg.concurrentN, "concurrent-n", 300, "rooms in each of the three workspaces applied at once (0: none)")
	flag.BoolVar(&cfg.gifts, "gifts", true, "measure the gift catalogue (about two minutes at the gift commands' 1 call/s)")
	flag.StringVar(&ps, "p", "10,50", "comma-separated -parallelism values")
	flag.StringVar(&kinds, "kinds", "room,data,noop", "what to measure: room (tencentlive_room), data (terraform_data), noop (tencentlive_room served by a provider that does nothing), fast (tencentlive_room against an emulator with no latency or server-side rate limit)")
	flag.DurationVar(&cfg.latency, "latency", 20*time.Millisecond, "emulator latency per request")
	flag.StringVar(&cfg.work, "work", ".bench", "directory for working directories, binaries and logs")
	flag.StringVar(&cfg.out, "out", "", "markdown results file (default WORK/results.md)")
	flag.StringVar(&cfg.bins.Provider, "provider", "", "provider binary (default: build into WORK/bin)")
	flag.StringVar(&cfg.bins.Emulator, "emulator", "", "emulator binary (default: build into WORK/bin)")
	flag.StringVar(&cfg.bins.Terraform, "terraform", "", "Terraform CLI (default: $TF_ACC_TERRAFORM_PATH or scripts/ensure-terraform.sh)")
	flag.Var(&emuArgs, "emulator-arg", "extra emulator flag (repeatable)")
	flag.Var(&env, "env", "KEY=VALUE for the CLI and the provider, e.g. TF_LOG_PROVIDER=off (repeatable)")
	flag.DurationVar(&cfg.stepTimeout, "step-timeout", 15*time.Minute, "give up on a step after this long")
	flag.StringVar(&cfg.profile, "profile", "", "write provider CPU and heap profiles of every step under this directory (builds the profiling provider; slower)")
	flag.Parse()
	var err error
	if ns != "none" {
		if cfg.ns, err = intList(ns); err != nil {
			return fmt.Errorf("-n: %w", err)
		}
	}
	if cfg.queryN < 0 || cfg.importN < 0 || cfg.concurrentN < 0 {
		return errors.New("-query-n, -import-n and -concurrent-n must not be negative")
	}
	if cfg.ps, err = intList(ps); err != nil {
		return fmt.Errorf("-p: %w", err)
	}
	for _, k := range strings.Split(kinds, ",") {
		switch strings.TrimSpace(k) {
		case "room":
			cfg.kinds = append(cfg.kinds, kindRoom)
		case "data":
			cfg.kinds = append(cfg.kinds, kindData)
		case "fast":
			cfg.kinds = append(cfg.kinds, kindFast)
		case "noop":
			cfg.kinds = append(cfg.kinds, kindNoop)
		default:
			return fmt.Errorf("-kinds: unknown %q", k)
		}
	}
	cfg.emulatorArgs, cfg.env = emuArgs, env
	if cfg.work, err = filepath.Abs(cfg.work); err != nil {
		return err
	}
	if cfg.out == "" {
		cfg.out = filepath.Join(cfg.work, "results.md")
	}
	if cfg.profile != "" {
		if cfg.profile, err = filepath.Abs(cfg.profile); err != nil {
			return err
		}
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	began := time.Now()
	if err := resolveBinaries(ctx, &cfg); err != nil {
		return err
	}
	cfg.cli = cliVersion(cfg.bins.Terraform)
	cfg.load[0] = loadAverage()
	results, err := measure(ctx, cfg)
	var scenarios []scenarioRow
	if err == nil {
		scenarios, err = measureScenarios(ctx, cfg)
	}
	cfg.load[1] = loadAverage()
	report := render(cfg, results, scenarios, time.Since(began), err)
	fmt.Print(report)
	if werr := os.WriteFile(cfg.out, []byte(report), 0o644); werr != nil {
		return errors.Join(err, werr)
	}
	fmt.Fprintf(os.Stderr, "wrote %s\n", cfg.out)
	return err
}

func resolveBinaries(ctx context.Context, cfg *config) error {
	repo, err := e2e.RepoRoot()
	if err != nil {
		return err
	}
	binDir := filepath.Join(cfg.work, "bin")
	if !cfg.needsProvider() { // terraform_data alone needs neither the provider nor the emulator
		cfg.bins.Provider, cfg.bins.Emulator = "", ""
	} else if cfg.profile != "" {
		// The same provider, built with profiling (see cmd/tencentlive-provider-pprof).
		cfg.bins.Provider = filepath.Join(binDir, "terraform-provider-tencentlive")
		if err := goBuild(ctx, repo, cfg.bins.Provider, "./cmd/tencentlive-provider-pprof"); err != nil {
			return err
		}
	}
	if cfg.bins.Provider == "" && cfg.needsProvider() {
		if cfg.bins.Provider, err = e2e.BuildProvider(ctx, repo, binDir); err != nil {
			return err
		}
	}
	if cfg.bins.Emulator == "" && cfg.needsProvider() {
		if cfg.bins.Emulator, err = e2e.BuildEmulator(ctx, repo, binDir); err != nil {
			return err
		}
	}
	if slices.Contains(cfg.kinds, kindNoop) || cfg.scenariosUseNoop() {
		cfg.noopProvider = filepath.Join(binDir, "noop", "terraform-provider-tencentlive")
		if err := goBuild(ctx, repo, cfg.noopProvider, "./cmd/tencentlive-provider-noop"); err != nil {
			return err
		}
	}
	if cfg.bins.Terraform == "" {
		if cfg.bins.Terraform, err = e2e.FindTerraform(ctx, repo); err != nil {
			return err
		}
	}
	for _, p := range []*string{&cfg.bins.Provider, &cfg.bins.Emulator, &cfg.bins.Terraform, &cfg.noopProvider} {
		if *p == "" {
			continue
		}
		if *p, err = filepath.Abs(*p); err != nil {
			return err
		}
	}
	return nil
}

// result is one step of one kind at one N and parallelism.
type result struct {
	kind   kind
	n, p   int
	step   string
	wall   time.Duration
	phases []e2e.Stats   // API requests per phase: before and after the CLI printed its plan
	planAt time.Duration // when the CLI printed its plan: the plan phase's wall time (0: no apply phase)
	// planCPU is the provider processes' CPU at the end of the plan phase (with planAt): the
	// apply phase's is usage.ProviderCPU less it.
	planCPU time.Duration
	usage   e2e.Usage
	cpu     time.Duration // CLI and provider processes, user+system
	// otherLoad is the CPU other processes used during the step, in cores (2 = both of a
	// two-core machine): the measure of how much a row was disturbed.
	otherLoad float64
	err       error
}

// planLine is the line Terraform prints when a plan is complete; in apply and destroy the apply
// phase starts after it.
var planLine = regexp.MustCompile(`^Plan: \d+ to add, \d+ to change, \d+ to destroy\.`)

func measure(ctx context.Context, cfg config) ([]result, error) {
	if len(cfg.ns) == 0 {
		return nil, nil
	}
	logs := filepath.Join(cfg.work, "logs")
	if err := os.MkdirAll(logs, 0o755); err != nil {
		return nil, err
	}
	// One emulator per kind that runs the provider: documented limits and latency for rooms, none
	// for the instant-API kind.
	emus := map[kind]*e2e.Emulator{}
	for _, k := range cfg.kinds {
		if !k.usesProvider() {
			continue
		}
		opts := e2e.EmulatorOptions{Latency: cfg.latency, QPS: emulator.DocumentedQPS, Args: cfg.emulatorArgs}
		if k == kindFast {
			opts = e2e.EmulatorOptions{QPS: emulator.NoRateLimits, Args: cfg.emulatorArgs}
		}
		emuLog, err := os.Create(filepath.Join(logs, "emulator-"+string(k)+".log"))
		if err != nil {
			return nil, err
		}
		defer emuLog.Close()
		opts.Log = emuLog
		emu, err := e2e.StartEmulator(ctx, cfg.bins.Emulator, opts)
		if err != nil {
			return nil, err
		}
		defer emu.Stop()
		emus[k] = emu
	}

	spaces := map[kind]*e2e.Workspace{}
	for _, k := range cfg.kinds {
		dir := filepath.Join(cfg.work, "ws", string(k))
		_ = os.RemoveAll(dir)
		var env []string
		if emu := emus[k]; emu != nil {
			env = emu.ProviderEnv()
		}
		bins := cfg.bins
		if k == kindNoop {
			bins.Provider = cfg.noopProvider
		}
		ws, err := e2e.NewWorkspace(dir, bins, append(env, cfg.env...))
		if err != nil {
			return nil, err
		}
		if err := ws.WriteConfig(hclFor(k, 1, "init-")); err != nil {
			return nil, err
		}
		res, err := ws.Run(ctx, e2e.Init())
		if err == nil {
			err = res.Err()
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", k, err)
		}
		spaces[k] = ws
	}

	var results []result
	prog := &progress{total: len(cfg.ns) * len(cfg.ps) * len(cfg.kinds) * 4, began: time.Now()}
	for _, n := range cfg.ns {
		for _, p := range cfg.ps {
			rs, err := round(ctx, cfg, emus, spaces, n, p, logs, prog)
			results = append(results, rs...)
			if err != nil {
				return results, err
			}
		}
	}
	return results, nil
}

// progress numbers the steps on stderr, so a run of many minutes says how far it is.
type progress struct {
	done, total int
	began       time.Time
}

func (pr *progress) next() string {
	pr.done++
	return fmt.Sprintf("[%d/%d %s]", pr.done, pr.total, time.Since(pr.began).Round(time.Second))
}

// round runs plan, apply, refresh-only plan and destroy of n resources at parallelism p, each
// step for every kind before the next step, so that both kinds of a row see the same load.
func round(ctx context.Context, cfg config, emus map[kind]*e2e.Emulator, spaces map[kind]*e2e.Workspace, n, p int, logs string, prog *progress) ([]result, error) {
	prefix := fmt.Sprintf("bench-n%d-p%d-", n, p) // fresh room IDs each round
	for _, k := range cfg.kinds {
		if err := spaces[k].RemoveState(); err != nil {
			return nil, err
		}
		if err := spaces[k].WriteConfig(hclFor(k, n, prefix)); err != nil {
			return nil, err
		}
	}
	steps := []struct {
		step e2e.Step
		want *regexp.Regexp // a line that proves the step did all n
	}{
		{e2e.Plan(p), regexp.MustCompile(fmt.Sprintf(`(?m)^Plan: %d to add, 0 to change, 0 to destroy\.`, n))},
		{e2e.Apply(p), regexp.MustCompile(fmt.Sprintf(`(?m)^Apply complete! Resources: %d added, 0 changed, 0 destroyed\.`, n))},
		{e2e.RefreshPlan(p), regexp.MustCompile(`(?m)^No changes\.`)},
		{e2e.Destroy(p), regexp.MustCompile(fmt.Sprintf(`(?m)^Destroy complete! Resources: %d destroyed\.`, n))},
	}
	var out []result
	for _, s := range steps {
		for _, k := range cfg.kinds {
			fmt.Fprintf(os.Stderr, "%-16s %-28s N=%-5d P=%-3d %-18s ", prog.next(), k, n, p, s.step.Name)
			r, err := measureStep(ctx, cfg, emus[k], emus, spaces[k], s.step, n, p)
			r.kind = k
			if err == nil && r.err == nil && !s.want.MatchString(r.stdout) {
				r.err = fmt.Errorf("output lacks %q:\n%s", s.want, tailLines(r.stdout, 15))
			}
			name := fmt.Sprintf("%s-n%d-p%d-%s.log", k, n, p, strings.ReplaceAll(s.step.Name, " ", "-"))
			_ = os.WriteFile(filepath.Join(logs, name), []byte(r.stdout+r.stderr), 0o644)
			r.stdout, r.stderr = "", ""
			if err != nil {
				return out, err
			}
			out = append(out, r.result)
			if r.err != nil {
				fmt.Fprintf(os.Stderr, "FAILED (%s)\n", filepath.Join(logs, name))
				return out, fmt.Errorf("%s N=%d P=%d %s: %w", k, n, p, s.step.Name, r.err)
			}
			fmt.Fprintf(os.Stderr, "%7.2fs  (other load %.1f cores)\n", r.wall.Seconds(), r.otherLoad)
		}
	}
	return out, nil
}

type stepRun struct {
	result
	stdout, stderr string
}

// measureStep runs one step. emu, when set, is the emulator whose requests the step is charged
// with; the CPU of every running emulator is not counted as other load.
func measureStep(ctx context.Context, cfg config, emu *e2e.Emulator, running map[kind]*e2e.Emulator, ws *e2e.Workspace, s e2e.Step, n, p int) (stepRun, error) {
	before := sampleLoad(running)
	r, err := runStep(ctx, cfg, emu, ws, s, n, p)
	// Other work on the machine slows the step (see the report's note).
	r.otherLoad = otherLoad(before, sampleLoad(running), r.cpu, r.wall)
	return r, err
}

func runStep(ctx context.Context, cfg config, emu *e2e.Emulator, ws *e2e.Workspace, s e2e.Step, n, p int) (stepRun, error) {
	r := stepRun{result: result{step: s.Name, n: n, p: p}}
	if emu != nil {
		if err := emu.ResetStats(ctx); err != nil {
			return r, err
		}
	}
	// At the end of the plan, note the time and snapshot the counters: what came before is the
	// plan phase.
	var mu sync.Mutex
	var boundary *e2e.Stats
	var snapErr error
	var inv atomic.Pointer[e2e.Invocation]
	start := time.Now()
	onLine := func(stream, line string) {
		if stream != "stdout" || !planLine.MatchString(line) {
			return
		}
		at := time.Since(start)
		var cpu time.Duration
		if running := inv.Load(); running != nil {
			cpu = running.Usage().ProviderCPU
		}
		var st e2e.Stats
		var err error
		if emu != nil {
			st, err = emu.Stats(ctx)
		}
		mu.Lock()
		if r.planAt == 0 {
			r.planAt, r.planCPU, boundary, snapErr = at, cpu, &st, err
		}
		mu.Unlock()
	}
	stepCtx, cancel := context.WithTimeout(ctx, cfg.stepTimeout)
	defer cancel()
	opts := e2e.RunOptions{OnLine: onLine}
	if cfg.profile != "" && emu != nil {
		dir := filepath.Join(cfg.profile, fmt.Sprintf("n%d-p%d-%s", r.n, r.p, strings.ReplaceAll(s.Name, " ", "-")))
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return r, err
		}
		opts.Env = []string{"TENCENTLIVE_PPROF_DIR=" + dir}
	}
	started, err := ws.Start(stepCtx, s, opts)
	if err != nil {
		return r, err
	}
	inv.Store(started)
	res, err := started.Wait()
	if err != nil {
		return r, err
	}
	mu.Lock()
	defer mu.Unlock()
	r.wall, r.usage, r.cpu, r.stdout, r.stderr = res.Wall, res.Usage, res.CPU, res.Stdout, res.Stderr
	r.err = res.Err()
	if s.Name == e2e.Plan(p).Name {
		r.planAt, r.planCPU = 0, 0 // a plan has no apply phase
	}
	if ctx.Err() != nil {
		return r, ctx.Err()
	}
	if emu == nil {
		return r, nil
	}
	end, err := emu.Stats(ctx)
	if err != nil {
		return r, err
	}
	if snapErr != nil {
		return r, snapErr
	}
	if boundary != nil {
		r.phases = []e2e.Stats{*boundary, e2e.StatsDelta(end, *boundary)}
	} else {
		r.phases = []e2e.Stats{end}
	}
	return r, nil
}

func (c config) needsProvider() bool {
	for _, k := range c.kinds {
		if k.usesProvider() && len(c.ns) > 0 {
			return true
		}
	}
	return c.scenariosUseNoop() || c.gifts
}

func (c config) scenariosUseNoop() bool { return c.queryN > 0 || c.importN > 0 || c.concurrentN > 0 }

// queryCLI reports whether the CLI has `terraform query` and list resources (Terraform 1.14+).
func (c config) queryCLI() bool {
	var minor int
	_, err := fmt.Sscanf(c.cli, "Terraform v1.%d", &minor)
	return err == nil && minor >= 14
}

// measureScenarios runs the scenarios of scenario.go, each with its own emulator.
func measureScenarios(ctx context.Context, cfg config) ([]scenarioRow, error) {
	sr := &scenarioRunner{cfg: cfg, logs: filepath.Join(cfg.work, "logs"), running: map[kind]*e2e.Emulator{}}
	if err := os.MkdirAll(sr.logs, 0o755); err != nil {
		return nil, err
	}
	var rows []scenarioRow
	parts := []struct {
		on  bool
		run func(context.Context) ([]scenarioRow, error)
	}{
		{(cfg.queryN > 0 || cfg.importN > 0) && cfg.queryCLI(), sr.adopt},
		{cfg.concurrentN > 0, sr.concurrent},
		{cfg.gifts, sr.gifts},
	}
	for _, p := range parts {
		if !p.on {
			continue
		}
		got, err := p.run(ctx)
		rows = append(rows, got...)
		if err != nil {
			return rows, err
		}
	}
	return rows, nil
}

func hclFor(k kind, n int, prefix string) string {
	if k != kindData {
		return e2e.RoomsHCL(n, prefix)
	}
	return e2e.TerraformDataHCL(n, prefix)
}

func tailLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

func intList(s string) ([]int, error) {
	var out []int
	for _, f := range strings.Split(s, ",") {
		v, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || v <= 0 {
			return nil, fmt.Errorf("%q is not a positive integer", f)
		}
		out = append(out, v)
	}
	return out, nil
}

type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, " ") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

func goBuild(ctx context.Context, repo, out, pkg string) error {
	cmd := exec.CommandContext(ctx, "go", "build", "-o", out, pkg)
	cmd.Dir = repo
	if msg, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("go build %s: %w\n%s", pkg, err, msg)
	}
	return nil
}

type loadSample struct {
	busy     time.Duration // all CPUs, non-idle time since boot
	emulator time.Duration // the emulator processes' user+system time
	self     time.Duration // this process's: reading output and polling /proc
}

func sampleLoad(emus map[kind]*e2e.Emulator) loadSample {
	var s loadSample
	s.busy = machineBusy()
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) == nil {
		s.self = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	}
	for _, emu := range emus {
		s.emulator += emu.CPU()
	}
	return s
}

// machineBusy sums the non-idle fields of the cpu line of /proc/stat (user, nice, system, irq,
// softirq, steal), in USER_HZ ticks of 10 ms.
func machineBusy() time.Duration {
	data, err := os.ReadFile("/proc/stat")
	if err != nil {
		return 0
	}
	line, _, _ := strings.Cut(string(data), "\n")
	f := strings.Fields(line)
	if len(f) < 9 || f[0] != "cpu" {
		return 0
	}
	var ticks int64
	for _, i := range []int{1, 2, 3, 6, 7, 8} {
		v, _ := strconv.ParseInt(f[i], 10, 64)
		ticks += v
	}
	return time.Duration(ticks) * 10 * time.Millisecond
}

// loadAverage is the first three fields of /proc/loadavg: other work on the machine skews
// every time in the table, so the report shows it.
func loadAverage() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	f := strings.Fields(string(data))
	if len(f) < 3 {
		return "?"
	}
	return strings.Join(f[:3], " ")
}

// cliVersion is the first line of `terraform version`, for the report.
func cliVersion(bin string) string {
	cmd := exec.Command(bin, "version")
	cmd.Env = append(os.Environ(), "CHECKPOINT_DISABLE=1")
	out, err := cmd.Output()
	if err != nil {
		return filepath.Base(bin) + " (version unknown)"
	}
	first, _, _ := strings.Cut(string(out), "\n")
	return first
}
