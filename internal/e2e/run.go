package e2e

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"time"
	"unsafe"
)

// RunOptions tune one step. The zero value is a plain run.
type RunOptions struct {
	Env []string // KEY=VALUE added after the workspace's (TF_LOG=trace, TF_LOG_PATH=..., ...)
	// OnLine is called for every line of output (stream is "stdout" or "stderr"), in order
	// within a stream, one call at a time. It must be quick: the CLI blocks while it runs.
	OnLine func(stream, line string)
	// PollInterval is how often the watch of memory and CPU polls /proc; 0 means 50 ms.
	PollInterval time.Duration
}

// Result is the outcome of one finished step.
type Result struct {
	Step     Step
	Wall     time.Duration // from process start to exit
	ExitCode int           // -1 when killed by a signal
	Stdout   string
	Stderr   string
	Usage    Usage         // memory and CPU of the CLI and its provider processes
	CPU      time.Duration // user+system CPU of the CLI and every child it waited for
}

// Err is nil when the CLI exited 0, and otherwise an error quoting the end of its output.
func (r *Result) Err() error {
	if r.ExitCode == 0 {
		return nil
	}
	return fmt.Errorf("%s exited %d:\n%s", r.Step.Name, r.ExitCode, tail(r.Stderr+r.Stdout, 4000))
}

func tail(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return "..." + s[len(s)-n:]
}

// Invocation is a running step.
type Invocation struct {
	Step  Step
	cmd   *exec.Cmd
	start time.Time
	watch *procWatch
	read  sync.WaitGroup
	onMu  sync.Mutex // serialises OnLine calls from the two streams

	mu      sync.Mutex
	stdout  strings.Builder
	stderr  strings.Builder
	lines   []string      // stdout lines so far, for WaitForOutput
	changed chan struct{} // closed and replaced whenever lines grows or the streams end
	ended   bool
}

// Run runs one step to completion. A non-zero exit is not an error of Run: check Result.Err.
func (w *Workspace) Run(ctx context.Context, s Step) (*Result, error) {
	return w.RunWith(ctx, s, RunOptions{})
}

// RunWith is Run with options.
func (w *Workspace) RunWith(ctx context.Context, s Step, opts RunOptions) (*Result, error) {
	inv, err := w.Start(ctx, s, opts)
	if err != nil {
		return nil, err
	}
	return inv.Wait()
}

// Start launches a step and returns at once. The CLI runs in its own process group; when ctx is
// cancelled it gets SIGINT (Terraform's graceful stop), and SIGKILL 30 s later.
func (w *Workspace) Start(ctx context.Context, s Step, opts RunOptions) (*Invocation, error) {
	cmd := exec.CommandContext(ctx, w.Terraform, s.Args...)
	cmd.Dir = w.Dir
	cmd.Env = append(append(cleanEnv(os.Environ()), w.Env...), opts.Env...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Cancel = func() error { return cmd.Process.Signal(os.Interrupt) }
	cmd.WaitDelay = 30 * time.Second
	// Own pipes rather than cmd.StdoutPipe: Wait must not depend on every holder of the pipe
	// having exited (a provider orphaned by a SIGKILL of the CLI could hold it).
	outR, outW, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	errR, errW, err := os.Pipe()
	if err != nil {
		outR.Close()
		outW.Close()
		return nil, err
	}
	cmd.Stdout, cmd.Stderr = outW, errW
	inv := &Invocation{Step: s, cmd: cmd, changed: make(chan struct{})}
	inv.start = time.Now()
	err = cmd.Start()
	outW.Close()
	errW.Close()
	if err != nil {
		outR.Close()
		errR.Close()
		return nil, err
	}
	interval := opts.PollInterval
	if interval <= 0 {
		interval = 50 * time.Millisecond
	}
	inv.watch = watchProcs(cmd.Process.Pid, interval)
	inv.read.Add(2)
	go inv.copy("stdout", outR, &inv.stdout, opts.OnLine)
	go inv.copy("stderr", errR, &inv.stderr, opts.OnLine)
	return inv, nil
}

// cleanEnv drops variables that would change what the CLI or the provider does behind the
// harness's back: the caller's CLI config, logging, and credentials.
func cleanEnv(env []string) []string {
	var out []string
	for _, kv := range env {
		k, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(k, "TF_") || strings.HasPrefix(k, "TENCENTLIVE_") || k == "CHECKPOINT_DISABLE" {
			continue
		}
		out = append(out, kv)
	}
	return out
}

func (inv *Invocation) copy(stream string, r io.ReadCloser, into *strings.Builder, onLine func(string, string)) {
	defer inv.read.Done()
	defer r.Close()
	br := bufio.NewReaderSize(r, 64<<10)
	for {
		line, err := br.ReadString('\n')
		if line != "" {
			inv.mu.Lock()
			into.WriteString(line)
			if stream == "stdout" {
				inv.lines = append(inv.lines, strings.TrimRight(line, "\r\n"))
				close(inv.changed)
				inv.changed = make(chan struct{})
			}
			inv.mu.Unlock()
			if onLine != nil {
				inv.onMu.Lock()
				onLine(stream, strings.TrimRight(line, "\r\n"))
				inv.onMu.Unlock()
			}
		}
		if err != nil {
			break
		}
	}
	if stream == "stdout" {
		inv.mu.Lock()
		inv.ended = true
		close(inv.changed)
		inv.changed = make(chan struct{})
		inv.mu.Unlock()
	}
}

// ErrOutputEnded is returned by WaitForOutput when the CLI's stdout closed without a match.
var ErrOutputEnded = errors.New("output ended without a match")

// WaitForOutput blocks until count stdout lines (counting from the start of the step) match re,
// and returns the last of them.
func (inv *Invocation) WaitForOutput(ctx context.Context, re *regexp.Regexp, count int) (string, error) {
	seen := 0
	next := 0
	for {
		inv.mu.Lock()
		lines, ended, changed := inv.lines[next:], inv.ended, inv.changed
		next = len(inv.lines)
		inv.mu.Unlock()
		for _, l := range lines {
			if re.MatchString(l) {
				if seen++; seen >= count {
					return l, nil
				}
			}
		}
		if ended {
			return "", ErrOutputEnded
		}
		select {
		case <-changed:
		case <-ctx.Done():
			return "", ctx.Err()
		}
	}
}

// Signal sends sig to the CLI process only (os.Interrupt for Terraform's graceful stop,
// syscall.SIGKILL for a crash).
func (inv *Invocation) Signal(sig os.Signal) error { return inv.cmd.Process.Signal(sig) }

// SignalProviders sends sig to every provider process the CLI has running now, and returns
// their pids.
func (inv *Invocation) SignalProviders(sig syscall.Signal) ([]int, error) {
	pids := inv.watch.ProviderPIDs()
	var errs []error
	for _, pid := range pids {
		errs = append(errs, syscall.Kill(pid, sig))
	}
	return pids, errors.Join(errs...)
}

// Pid is the CLI's process id.
func (inv *Invocation) Pid() int { return inv.cmd.Process.Pid }

// Usage is the memory and CPU of the CLI and its provider processes so far, polled now: a step's
// usage up to a point in it (the end of its plan phase, say).
func (inv *Invocation) Usage() Usage { return inv.watch.Now() }

// Wait waits for the CLI to exit and returns its result. Processes the CLI left behind in its
// process group (a provider orphaned by a SIGKILL of the CLI) are killed, so no run leaks them.
func (inv *Invocation) Wait() (*Result, error) {
	// Wait for the exit without reaping, so the process group id cannot have been reused when
	// the group is killed; then reap.
	waitExited(inv.cmd.Process.Pid)
	wall := time.Since(inv.start)
	usage := inv.watch.Stop()
	_ = syscall.Kill(-inv.cmd.Process.Pid, syscall.SIGKILL)
	err := inv.cmd.Wait()
	inv.read.Wait()
	ps := inv.cmd.ProcessState
	res := &Result{Step: inv.Step, Wall: wall, Usage: usage, ExitCode: ps.ExitCode(), CPU: ps.UserTime() + ps.SystemTime()}
	inv.mu.Lock()
	res.Stdout, res.Stderr = inv.stdout.String(), inv.stderr.String()
	inv.mu.Unlock()
	var exitErr *exec.ExitError
	if err != nil && !errors.As(err, &exitErr) {
		return res, err
	}
	return res, nil
}

// waitExited blocks until process pid has exited, leaving it a zombie for cmd.Wait to reap
// (waitid with WNOWAIT, as os/exec does internally).
func waitExited(pid int) {
	const pPID = 1 // P_PID
	var siginfo [128]byte
	for {
		_, _, errno := syscall.Syscall6(syscall.SYS_WAITID, pPID, uintptr(pid),
			uintptr(unsafe.Pointer(&siginfo[0])), syscall.WEXITED|wNOWAIT, 0, 0)
		if errno != syscall.EINTR {
			return
		}
	}
}

const wNOWAIT = 0x1000000 // WNOWAIT from <linux/wait.h>; the syscall package lacks it

// RunAtOnce runs step in every workspace at the same time (workspaces applied in parallel by
// CI) and returns their results, in order, and the wall time until the last one ended. Each run
// gets ctx; the first error starting or waiting for one is returned after all have ended.
func RunAtOnce(ctx context.Context, wss []*Workspace, step Step) ([]*Result, time.Duration, error) {
	results := make([]*Result, len(wss))
	errs := make([]error, len(wss))
	var wg sync.WaitGroup
	start := time.Now()
	for i, ws := range wss {
		wg.Go(func() {
			results[i], errs[i] = ws.RunWith(ctx, step, RunOptions{})
			if errs[i] != nil {
				errs[i] = fmt.Errorf("%s %d: %w", step.Name, i, errs[i])
			}
		})
	}
	wg.Wait()
	return results, time.Since(start), errors.Join(errs...)
}
