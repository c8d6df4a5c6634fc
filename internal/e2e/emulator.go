package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/tencentlive/terraform-provider-tencentlive/emulator"
)

// EmulatorOptions are the emulator command-line flags a run usually sets. Each zero value means
// what the same field of emulator.Options means: no latency, no faults, a random seed, no rate
// limits (QPS is always passed, so the command's default of documented limits applies only when
// asked for with emulator.DocumentedQPS), rooms that live until destroyed.
type EmulatorOptions struct {
	Latency time.Duration // -latency: added to every request
	Faults  float64       // -faults: fraction (0..1) of API requests answered with a transient failure
	Seed    int64         // -seed of the fault RNG, for a reproducible sequence; 0 = random
	QPS     int           // -qps: emulator.NoRateLimits (0), emulator.DocumentedQPS (-1) or N per command
	RoomTTL time.Duration // -room-ttl; 0 = never
	Args    []string      // further flags, appended as given
	Log     io.Writer     // receives the emulator's output after the listening line; nil discards it
}

func (o EmulatorOptions) args() []string {
	args := []string{"-listen", "127.0.0.1:0", "-qps", strconv.Itoa(o.QPS)}
	if o.Latency > 0 {
		args = append(args, "-latency", o.Latency.String())
	}
	if o.Faults != 0 {
		args = append(args, "-faults", strconv.FormatFloat(o.Faults, 'g', -1, 64))
	}
	if o.Seed != 0 {
		args = append(args, "-seed", strconv.FormatInt(o.Seed, 10))
	}
	if o.RoomTTL > 0 {
		args = append(args, "-room-ttl", o.RoomTTL.String())
	}
	return append(args, o.Args...)
}

// Emulator is a running tencentlive-emulator process.
type Emulator struct {
	URL  string   // http://127.0.0.1:PORT
	env  []string // what the emulator's -env printed: the environment a client needs
	cmd  *exec.Cmd
	done chan struct{}
	once sync.Once
}

// StartEmulator starts bin on a free loopback port with -env and reads the environment it prints
// once listening (scripts/demo.sh reads the same lines); stdout ends there.
func StartEmulator(ctx context.Context, bin string, opts EmulatorOptions) (*Emulator, error) {
	cmd := exec.Command(bin, append(opts.args(), "-env")...)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true} // a terminal's Ctrl-C stops the driver, which stops us
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	cmd.Stderr = opts.Log
	if cmd.Stderr == nil {
		cmd.Stderr = io.Discard
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	e := &Emulator{cmd: cmd, done: make(chan struct{})}
	go func() { _ = cmd.Wait(); close(e.done) }()

	type result struct {
		env []string
		err error
	}
	read := make(chan result, 1)
	go func() {
		env, err := emulator.ReadExports(stdout)
		read <- result{env, err}
	}()
	select {
	case r := <-read:
		for _, kv := range r.env {
			if url, ok := strings.CutPrefix(kv, "TENCENTLIVE_ENDPOINT="); ok {
				e.URL = url
			}
		}
		if r.err != nil {
			e.Stop()
			return nil, fmt.Errorf("emulator: reading the environment it printed: %w", r.err)
		}
		if e.URL == "" {
			e.Stop()
			return nil, fmt.Errorf("emulator: the environment it printed names no TENCENTLIVE_ENDPOINT: %q", r.env)
		}
		e.env = r.env
		return e, nil
	case <-time.After(15 * time.Second):
		e.Stop()
		return nil, errors.New("emulator: no environment on stdout within 15s")
	case <-ctx.Done():
		e.Stop()
		return nil, ctx.Err()
	}
}

// Stop ends the emulator (SIGTERM, then SIGKILL after 5 s) and waits for it.
func (e *Emulator) Stop() {
	e.once.Do(func() {
		_ = e.cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-e.done:
		case <-time.After(5 * time.Second):
			_ = e.cmd.Process.Kill()
			<-e.done
		}
	})
}

// Pid is the emulator's process id.
func (e *Emulator) Pid() int { return e.cmd.Process.Pid }

// CPU is the user+system time the emulator process has used so far.
func (e *Emulator) CPU() time.Duration {
	if e.cmd == nil {
		return 0
	}
	st, _ := readStat(e.cmd.Process.Pid)
	return st.cpu
}

// ProviderEnv is the environment that points the provider at this emulator, as the emulator
// printed it (its -sdkappid, -secret-key and first -admin included).
func (e *Emulator) ProviderEnv() []string {
	var env []string
	for _, kv := range e.env {
		if !strings.HasPrefix(kv, "TENCENTLIVE_EMULATOR_PID=") {
			env = append(env, kv)
		}
	}
	return env
}

// Stats reads GET /_emulator/stats.
func (e *Emulator) Stats(ctx context.Context) (Stats, error) {
	var s Stats
	body, err := e.call(ctx, http.MethodGet, "/_emulator/stats")
	if err != nil {
		return s, err
	}
	if err := json.Unmarshal(body, &s); err != nil {
		return s, fmt.Errorf("emulator stats: %w", err)
	}
	return s, nil
}

// ResetStats zeroes the emulator's counters (POST /_emulator/reset-stats).
func (e *Emulator) ResetStats(ctx context.Context) error {
	_, err := e.call(ctx, http.MethodPost, "/_emulator/reset-stats")
	return err
}

// Rooms reads GET /_emulator/rooms: every room the emulator holds, sorted by ID.
func (e *Emulator) Rooms(ctx context.Context) ([]Room, error) {
	body, err := e.call(ctx, http.MethodGet, "/_emulator/rooms")
	if err != nil {
		return nil, err
	}
	var rooms []Room
	if err := json.Unmarshal(body, &rooms); err != nil {
		return nil, fmt.Errorf("emulator rooms: %w", err)
	}
	return rooms, nil
}

// Seed applies a seed file's data (emulator/seed.go: accounts, rooms with their metadata, admins
// and robots) to the running emulator with POST /_emulator/seed: rooms an application made, in
// one request and outside every rate limit.
func (e *Emulator) Seed(ctx context.Context, seed []byte) error {
	_, err := e.send(ctx, http.MethodPost, "/_emulator/seed", seed)
	return err
}

func (e *Emulator) call(ctx context.Context, method, path string) ([]byte, error) {
	return e.send(ctx, method, path, nil)
}

func (e *Emulator) send(ctx context.Context, method, path string, body []byte) ([]byte, error) {
	var in io.Reader
	if body != nil {
		in = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, e.URL+path, in)
	if err != nil {
		return nil, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	out, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode/100 != 2 {
		return nil, fmt.Errorf("emulator %s %s: %s: %s", method, path, resp.Status, bytes.TrimSpace(out))
	}
	return out, nil
}
