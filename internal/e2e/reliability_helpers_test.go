package e2e

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// Shared machinery of the TestReliability subtests: one emulator and one working directory per
// subtest, steps that must succeed without a diagnostic, and the checks that the emulator's
// rooms and the Terraform state agree exactly.

// reliability holds what the subtests share: the binaries, built once.
type reliability struct {
	bins Binaries
}

// stepTimeout bounds one CLI step, so a hang fails the subtest instead of the whole run.
const stepTimeout = 5 * time.Minute

// figure logs a measured number in one greppable form (`go test -v ... | grep FIGURE:`), for the
// README's reliability section.
func figure(t *testing.T, format string, args ...any) {
	t.Helper()
	t.Logf("FIGURE: %s: %s", strings.TrimPrefix(t.Name(), "TestReliability/"), fmt.Sprintf(format, args...))
}

// syncBuffer collects the emulator's output, written from two goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// emulator starts the emulator command for one subtest; it stops when the subtest ends, and
// its output is shown if the subtest failed. The returned buffer holds that output.
func (r *reliability) emulator(t *testing.T, opts EmulatorOptions) (*Emulator, *syncBuffer) {
	t.Helper()
	out := &syncBuffer{}
	opts.Log = out
	emu, err := StartEmulator(context.Background(), r.bins.Emulator, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		emu.Stop()
		if t.Failed() {
			t.Logf("emulator output:\n%s", tail(out.String(), 4000))
		}
	})
	return emu, out
}

// workspace creates a working directory with main.tf = hcl and runs init.
func (r *reliability) workspace(t *testing.T, env []string, hcl string) *Workspace {
	t.Helper()
	ws, err := NewWorkspace(t.TempDir(), r.bins, env)
	if err != nil {
		t.Fatal(err)
	}
	writeConfig(t, ws, hcl)
	mustSucceed(t, ws, Init(), RunOptions{})
	return ws
}

func writeConfig(t *testing.T, ws *Workspace, hcl string) {
	t.Helper()
	if err := ws.WriteConfig(hcl); err != nil {
		t.Fatal(err)
	}
}

// withEnv returns a copy of ws whose steps also get env (a later KEY=VALUE wins).
func withEnv(ws *Workspace, env ...string) *Workspace {
	c := *ws
	c.Env = append(slices.Clone(ws.Env), env...)
	return &c
}

// runStep runs one step under stepTimeout; a non-zero exit is the caller's to judge.
func runStep(t *testing.T, ws *Workspace, s Step, opts RunOptions) *Result {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), stepTimeout)
	defer cancel()
	res, err := ws.RunWith(ctx, s, opts)
	if err != nil {
		t.Fatalf("%s: %v", s.Name, err)
	}
	return res
}

// mustSucceed runs a step that must exit 0.
func mustSucceed(t *testing.T, ws *Workspace, s Step, opts RunOptions) *Result {
	t.Helper()
	res := runStep(t, ws, s, opts)
	if res.ExitCode != 0 {
		t.Fatalf("%s exited %d\nstderr:\n%s\nstdout:\n%s", s.Name, res.ExitCode, tail(res.Stderr, 6000), tail(res.Stdout, 3000))
	}
	return res
}

// diagLine matches the summary line of a Terraform diagnostic, boxed (│ Error: ...) or not.
var diagLine = regexp.MustCompile(`(?m)^(?:│ )?(Error|Warning): (.*)$`)

// diagnostics returns the summaries of the errors and warnings a step printed.
func diagnostics(res *Result) (errs, warns []string) {
	for _, m := range diagLine.FindAllStringSubmatch(res.Stdout+"\n"+res.Stderr, -1) {
		if m[1] == "Error" {
			errs = append(errs, m[2])
		} else {
			warns = append(warns, m[2])
		}
	}
	return errs, warns
}

// assertNoDiagnostics fails unless the step showed the user no error and no warning.
func assertNoDiagnostics(t *testing.T, res *Result) {
	t.Helper()
	if errs, warns := diagnostics(res); len(errs)+len(warns) > 0 {
		t.Fatalf("%s showed diagnostics (errors %q, warnings %q):\n%s", res.Step.Name, errs, warns, tail(res.Stdout+res.Stderr, 6000))
	}
}

// assertOnlyWarnings fails on any error, and on any warning whose summary is not allowed.
func assertOnlyWarnings(t *testing.T, res *Result, allowed ...string) (warnings int) {
	t.Helper()
	errs, warns := diagnostics(res)
	for _, w := range warns {
		if !slices.Contains(allowed, w) {
			errs = append(errs, "unexpected warning: "+w)
		}
	}
	if len(errs) > 0 {
		t.Fatalf("%s: %q:\n%s", res.Step.Name, errs, tail(res.Stdout+res.Stderr, 6000))
	}
	return len(warns)
}

// normalized strips the diagnostic box and joins wrapped lines, so a diagnostic's text can be
// compared however Terraform wrapped it.
func normalized(s string) string {
	s = strings.NewReplacer("│", " ", "╷", " ", "╵", " ").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

// assertPlanEmpty runs `plan -detailed-exitcode` and fails unless it plans no change (exit 0)
// and shows no diagnostic.
func assertPlanEmpty(t *testing.T, ws *Workspace, parallelism int) *Result {
	t.Helper()
	res := runStep(t, ws, Plan(parallelism).With("-detailed-exitcode"), RunOptions{})
	switch res.ExitCode {
	case 0:
	case 2:
		t.Fatalf("re-plan is not empty:\n%s", tail(res.Stdout, 6000))
	default:
		t.Fatal(res.Err())
	}
	assertNoDiagnostics(t, res)
	return res
}

// stateRoom is one tencentlive_room instance of the local state file.
type stateRoom struct {
	Address      string
	Tainted      bool
	ID           string `json:"id"`
	RoomID       string `json:"room_id"`
	RoomName     string `json:"room_name"`
	Notice       string `json:"notice"`
	OwnerAccount string `json:"owner_account"`
	SeatTemplate string `json:"seat_template"`
	CreateTime   int64  `json:"create_time"`
	// Metadata, Admins and Robots are null (nil) unless the configuration manages them.
	Metadata  map[string]string `json:"metadata"`
	Admins    []string          `json:"admins"`
	Robots    []string          `json:"robots"`
	Unlimited bool              `json:"is_unlimited_room_enabled"`
}

// readStateRooms parses the tencentlive_room instances of the workspace's terraform.tfstate. No
// file, or an empty one (Terraform truncates the file before writing it; a kill can land in
// between), means no rooms, as it does to Terraform.
func readStateRooms(t *testing.T, ws *Workspace) []stateRoom {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(ws.Dir, "terraform.tfstate"))
	if os.IsNotExist(err) || err == nil && len(data) == 0 {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	rooms, err := parseStateRooms(data)
	if err != nil {
		t.Fatalf("terraform.tfstate: %v", err)
	}
	return rooms
}

func parseStateRooms(data []byte) ([]stateRoom, error) {
	var st struct {
		Resources []struct {
			Mode, Type, Name string
			Instances        []struct {
				IndexKey   any             `json:"index_key"`
				Status     string          `json:"status"`
				Attributes json.RawMessage `json:"attributes"`
			}
		}
	}
	if err := json.Unmarshal(data, &st); err != nil {
		return nil, err
	}
	var out []stateRoom
	for _, r := range st.Resources {
		if r.Mode != "managed" || r.Type != "tencentlive_room" {
			continue
		}
		for _, inst := range r.Instances {
			var room stateRoom
			if err := json.Unmarshal(inst.Attributes, &room); err != nil {
				return nil, err
			}
			room.Address = "tencentlive_room." + r.Name
			if inst.IndexKey != nil {
				room.Address += fmt.Sprintf("[%v]", inst.IndexKey)
			}
			room.Tainted = inst.Status == "tainted"
			out = append(out, room)
		}
	}
	return out, nil
}

// roomSpec is what the configuration says room i holds.
type roomSpec func(i int) (roomID, roomName, notice string)

// roomsConfig is n rooms whose room_name and notice carry version, so updating every room is
// changing one word: room_id prefix0000..., on the 9-seat video template.
func roomsConfig(n int, prefix, version string) string {
	return fmt.Sprintf(`terraform {
  required_providers {
    tencentlive = {
      source = "tencentlive/tencentlive"
    }
  }
}

provider "tencentlive" {}

resource "tencentlive_room" "r" {
  count         = %d
  room_id       = format("%%s%%04d", %q, count.index)
  seat_template = "VideoDynamicGrid9Seats"
  room_name     = "Room ${count.index} %s"
  notice        = "Notice %s of room ${count.index}"
}
`, n, prefix, version, version)
}

// roomsSpec is what roomsConfig(n, prefix, version) asks for.
func roomsSpec(prefix, version string) roomSpec {
	return func(i int) (string, string, string) {
		return fmt.Sprintf("%s%04d", prefix, i), fmt.Sprintf("Room %d %s", i, version), fmt.Sprintf("Notice %s of room %d", version, i)
	}
}

// compareRooms lists every way the emulator's rooms and the state differ from n rooms of spec,
// and from each other: a room missing on either side, an orphan (in the emulator, not in the
// state), a duplicate, a tainted instance, a field that differs. Empty means they agree exactly.
func compareRooms(emu []Room, state []stateRoom, n int, spec roomSpec) []string {
	var problems []string
	add := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	if len(state) != n {
		add("state holds %d rooms, want %d", len(state), n)
	}
	if len(emu) != n {
		add("emulator holds %d rooms, want %d", len(emu), n)
	}
	wantIndex := map[string]int{}
	for i := 0; i < n; i++ {
		id, _, _ := spec(i)
		wantIndex[id] = i
	}
	byID := map[string]Room{}
	for _, r := range emu {
		if _, dup := byID[r.RoomID]; dup {
			add("emulator holds room %q twice", r.RoomID)
		}
		byID[r.RoomID] = r
	}
	inState := map[string]bool{}
	for _, s := range state {
		if inState[s.RoomID] {
			add("state holds room %q twice", s.RoomID)
		}
		inState[s.RoomID] = true
		if s.Tainted {
			add("%s is tainted", s.Address)
		}
		if s.ID != s.RoomID {
			add("%s: id %q, room_id %q", s.Address, s.ID, s.RoomID)
		}
		i, ok := wantIndex[s.RoomID]
		if !ok {
			add("%s: room %q is not in the configuration", s.Address, s.RoomID)
			continue
		}
		if want := fmt.Sprintf("tencentlive_room.r[%d]", i); s.Address != want {
			add("room %q is at %s, want %s", s.RoomID, s.Address, want)
		}
		_, name, notice := spec(i)
		if s.RoomName != name || s.Notice != notice {
			add("%s: state has room_name %q, notice %q; want %q, %q", s.Address, s.RoomName, s.Notice, name, notice)
		}
		r, ok := byID[s.RoomID]
		if !ok {
			add("%s: room %q is in the state but not in the emulator", s.Address, s.RoomID)
			continue
		}
		if r.RoomName != s.RoomName || r.Notice != s.Notice || r.OwnerAccount != s.OwnerAccount ||
			r.SeatTemplate != s.SeatTemplate || r.CreateTime.Unix() != s.CreateTime {
			add("%s: emulator has (%q, %q, %q, %q, %d), state (%q, %q, %q, %q, %d) for room_name, notice, owner, template, create time",
				s.Address, r.RoomName, r.Notice, r.OwnerAccount, r.SeatTemplate, r.CreateTime.Unix(),
				s.RoomName, s.Notice, s.OwnerAccount, s.SeatTemplate, s.CreateTime)
		}
	}
	for _, r := range emu {
		if !inState[r.RoomID] {
			add("orphan: room %q is in the emulator but not in the state", r.RoomID)
		}
	}
	return problems
}

// assertConverged fails unless the emulator and the state hold exactly the n rooms of spec.
func assertConverged(t *testing.T, emu *Emulator, ws *Workspace, n int, spec roomSpec) []Room {
	t.Helper()
	rooms, err := emu.Rooms(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if problems := compareRooms(rooms, readStateRooms(t, ws), n, spec); len(problems) > 0 {
		shown := problems[:min(len(problems), 20)]
		t.Fatalf("emulator and state disagree (%d problems):\n%s", len(problems), strings.Join(shown, "\n"))
	}
	return rooms
}

// attemptCounts is what the provider's DEBUG log says about its requests.
type attemptCounts struct {
	Attempts int            // requests sent (one log line each)
	Failed   int            // of which failed
	Retries  int            // requests repeated after a transient failure
	Commands map[string]int // attempts per command

	MostAttempts int // the highest attempt number of any call
}

// Calls is the number of logical API calls: every attempt that was not a retry.
func (a attemptCounts) Calls() int { return a.Attempts - a.Retries }

var (
	logCommand = regexp.MustCompile(`\bcommand=([a-z_]+)`)
	logAttempt = regexp.MustCompile(`\battempt=(\d+)`)
)

// countAttempts reads a Terraform log written with TF_LOG_PROVIDER=DEBUG: the wire client logs
// each attempt ("tencentlive API request", "... failed") with its number.
func countAttempts(path string) (attemptCounts, error) {
	c := attemptCounts{Commands: map[string]int{}}
	f, err := os.Open(path)
	if err != nil {
		return c, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		line := sc.Text()
		failed := strings.Contains(line, ": tencentlive API request failed:")
		if !failed && !strings.Contains(line, ": tencentlive API request:") {
			continue
		}
		c.Attempts++
		if failed {
			c.Failed++
		}
		if m := logCommand.FindStringSubmatch(line); m != nil {
			c.Commands[m[1]]++
		}
		if m := logAttempt.FindStringSubmatch(line); m != nil {
			n, _ := strconv.Atoi(m[1])
			if n > 1 {
				c.Retries++
			}
			c.MostAttempts = max(c.MostAttempts, n)
		}
	}
	return c, sc.Err()
}

// stepCost is what one step cost, measured on both sides.
type stepCost struct {
	Wall     time.Duration
	Emulator Stats         // the emulator's counters over the step
	Provider attemptCounts // the provider's log over the step
}

// add counts o into c, for a test's totals over its steps.
func (c *stepCost) add(o stepCost) {
	c.Wall += o.Wall
	c.Emulator = addStats(c.Emulator, o.Emulator)
	c.Provider.Attempts += o.Provider.Attempts
	c.Provider.Failed += o.Provider.Failed
	c.Provider.Retries += o.Provider.Retries
}

// soakStep runs one step of a fault soak: it must succeed without a diagnostic and print want;
// its cost is logged as a figure and returned.
func soakStep(t *testing.T, emu *Emulator, ws *Workspace, name string, s Step, want string) stepCost {
	t.Helper()
	res, cost := measured(t, emu, ws, s)
	assertNoDiagnostics(t, res)
	if !strings.Contains(res.Stdout, want) {
		t.Fatalf("%s output lacks %q:\n%s", name, want, tail(res.Stdout, 3000))
	}
	figure(t, "%s: %s", name, cost)
	return cost
}

func (c stepCost) String() string {
	return fmt.Sprintf("wall %.1fs; emulator: %d requests %s, answers by ErrorCode %s, %d faults injected %s, %d refused with 60007; provider: %d attempts (%d failed), %d retries, %d logical calls",
		c.Wall.Seconds(), c.Emulator.Total, sortedCounts(c.Emulator.Commands), sortedCounts(c.Emulator.ErrorCodes),
		c.Emulator.Faults, sortedCounts(c.Emulator.FaultKinds), c.Emulator.RateRefused,
		c.Provider.Attempts, c.Provider.Failed, c.Provider.Retries, c.Provider.Calls())
}

func sortedCounts[K comparable](m map[K]int64) string {
	parts := make([]string, 0, len(m))
	for k, v := range m {
		parts = append(parts, fmt.Sprintf("%v=%d", k, v))
	}
	sort.Strings(parts)
	return "(" + strings.Join(parts, " ") + ")"
}

// measured runs a step that must exit 0, with the provider's log at DEBUG, and returns its
// result and cost. The emulator's counters are reset first.
func measured(t *testing.T, emu *Emulator, ws *Workspace, s Step) (*Result, stepCost) {
	t.Helper()
	ctx := context.Background()
	if err := emu.ResetStats(ctx); err != nil {
		t.Fatal(err)
	}
	logPath := filepath.Join(t.TempDir(), "provider.log")
	res := mustSucceed(t, ws, s, RunOptions{Env: []string{"TF_LOG_PROVIDER=DEBUG", "TF_LOG_PATH=" + logPath}})
	cost := stepCost{Wall: res.Wall}
	var err error
	if cost.Emulator, err = emu.Stats(ctx); err != nil {
		t.Fatal(err)
	}
	if cost.Provider, err = countAttempts(logPath); err != nil {
		t.Fatal(err)
	}
	return res, cost
}

// waitFor polls cond every interval until it holds, or fails the test after limit. done, when
// closed, means the condition can no longer come true.
func waitFor(t *testing.T, what string, limit, interval time.Duration, done <-chan struct{}, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(limit)
	for !cond() {
		select {
		case <-done:
			t.Fatalf("the step ended before %s", what)
		case <-time.After(interval):
		}
		if time.Now().After(deadline) {
			t.Fatalf("no %s within %v", what, limit)
		}
	}
}

// roomCount reads how many rooms the emulator holds (-1 on error, which the poll retries).
func roomCount(emu *Emulator) int {
	rooms, err := emu.Rooms(context.Background())
	if err != nil {
		return -1
	}
	return len(rooms)
}
