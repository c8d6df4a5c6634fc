package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/tencentlive/terraform-provider-tencentlive/emulator"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/sweep"
)

// adoptionWarnings are the plan-time and apply-time warnings for a room that exists but is not
// in the state (what a crash or an interrupt between create_room and the state write leaves
// behind) when adopt_existing_rooms is on.
var adoptionWarnings = []string{"Live room already exists", "Live room adopted"}

// adoptOnce is the environment of the one recovery apply that may take such rooms over.
const adoptOnce = "TENCENTLIVE_ADOPT_EXISTING_ROOMS=true"

// assertOrphansRefused runs a plan after an interruption left orphan rooms in the emulator
// but not in the state: without adopt_existing_rooms it must fail, each error printing the
// import block, and change no room.
func assertOrphansRefused(t *testing.T, emu *Emulator, ws *Workspace, orphans, parallelism int) {
	t.Helper()
	if orphans == 0 {
		return
	}
	if err := emu.ResetStats(context.Background()); err != nil {
		t.Fatal(err)
	}
	res := runStep(t, ws, Plan(parallelism), RunOptions{})
	errs, _ := diagnostics(res)
	if res.ExitCode == 0 || len(errs) == 0 {
		t.Fatalf("with %d orphan rooms, a plan without adopt_existing_rooms exited %d with errors %q", orphans, res.ExitCode, errs)
	}
	for _, e := range distinct(errs) {
		if e != "Live room already exists" {
			t.Fatalf("unexpected error %q:\n%s", e, tail(res.Stdout+res.Stderr, 3000))
		}
	}
	if !strings.Contains(normalized(res.Stdout+res.Stderr), "import { to = ADDRESS") {
		t.Fatalf("the refusal does not print the import block:\n%s", tail(res.Stdout+res.Stderr, 3000))
	}
	stats, err := emu.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, write := range []string{"create_room", "update_room_info", "destroy_room"} {
		if n := stats.Commands[write]; n != 0 {
			t.Fatalf("the refused plan sent %s %d times", write, n)
		}
	}
	figure(t, "plan without adopt_existing_rooms: exit %d, %d \"Live room already exists\" errors for %d orphan rooms, each with its import block",
		res.ExitCode, len(errs), orphans)
}

// startApply starts an apply and returns it with a channel closed when it has exited.
func startApply(t *testing.T, ws *Workspace, parallelism int) (*Invocation, <-chan struct{}, func() *Result) {
	t.Helper()
	inv, err := ws.Start(context.Background(), Apply(parallelism), RunOptions{})
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	var res *Result
	var waitErr error
	go func() {
		res, waitErr = inv.Wait()
		close(done)
	}()
	t.Cleanup(func() { _ = inv.Signal(syscall.SIGKILL); <-done }) // Wait then kills the rest of its group
	return inv, done, func() *Result {
		<-done
		if waitErr != nil {
			t.Fatal(waitErr)
		}
		return res
	}
}

// testCrashSafety kills Terraform and its provider (SIGKILL, the whole process group at once,
// as a lost CI runner would) in the middle of an apply of 100 rooms. The next plan must refuse
// the rooms created but not recorded (they could as well be another workspace's), printing the
// import blocks; the next apply with adopt_existing_rooms must exit 0 and converge: exactly the 100 rooms, in the emulator and in the state, no duplicate, no
// orphan, and an empty re-plan.
func (r *reliability) testCrashSafety(t *testing.T) {
	const (
		n           = 100
		parallelism = 10
		latency     = 50 * time.Millisecond
		prefix      = sweep.Prefix + "crash-"
	)
	emu, _ := r.emulator(t, EmulatorOptions{Latency: latency, QPS: emulator.DocumentedQPS})
	ws := r.workspace(t, emu.ProviderEnv(), roomsConfig(n, prefix, "v1"))

	inv, done, wait := startApply(t, ws, parallelism)
	waitFor(t, "quarter of the rooms in the emulator", 2*time.Minute, 10*time.Millisecond, done,
		func() bool { return roomCount(emu) >= n/4 })
	providers, _ := inv.SignalProviders(0) // signal 0: list the live provider processes
	if len(providers) == 0 {
		t.Fatal("no provider process mid-apply")
	}
	// The CLI is not reaped before done closes, so its process group id is still its own.
	if err := syscall.Kill(-inv.Pid(), syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	if res := wait(); res.ExitCode != -1 {
		t.Fatalf("apply exit %d, want -1 (killed)", res.ExitCode)
	}
	for _, pid := range providers {
		if !processGone(pid) {
			t.Fatalf("provider process %d survived the kill", pid)
		}
	}
	time.Sleep(2 * latency) // a create_room already received finishes on the emulator
	atKill, inState := roomCount(emu), len(readStateRooms(t, ws))
	if atKill >= n {
		t.Fatalf("all %d rooms existed at the kill: the crash came too late to prove anything", atKill)
	}
	figure(t, "SIGKILL of terraform and %d provider process(es) mid-apply of %d rooms (-latency %v, -parallelism=%d): %d rooms in the emulator, %d in the state file",
		len(providers), n, latency, parallelism, atKill, inState)

	assertOrphansRefused(t, emu, ws, atKill-inState, parallelism)
	res, cost := measured(t, emu, withEnv(ws, adoptOnce), Apply(parallelism))
	warnings := assertOnlyWarnings(t, res, adoptionWarnings...)
	want := fmt.Sprintf("Apply complete! Resources: %d added, 0 changed, 0 destroyed.", n-inState)
	if !strings.Contains(res.Stdout, want) {
		t.Fatalf("recovery apply output lacks %q:\n%s", want, tail(res.Stdout, 3000))
	}
	if orphans := atKill - inState; orphans > 0 && warnings == 0 {
		t.Fatalf("%d rooms existed outside the state, but the recovery plan warned of no adoption", orphans)
	}
	assertConverged(t, emu, ws, n, roomsSpec(prefix, "v1"))
	assertPlanEmpty(t, ws, parallelism)
	figure(t, "recovery apply with %s: exit 0, %d rooms adopted (created before the kill, missing from the state), %d created; %s",
		adoptOnce, atKill-inState, n-atKill, cost)
}

// testCancellation interrupts (SIGINT, Terraform's graceful stop) a slow apply: every request
// takes 2 s. Terraform must exit within a few seconds, and the next apply, against the same
// rooms at normal speed, must complete with the emulator and the state in agreement.
func (r *reliability) testCancellation(t *testing.T) {
	const (
		n           = 40
		parallelism = 10
		latency     = 2 * time.Second
		stopBound   = 10 * time.Second
		prefix      = sweep.Prefix + "cancel-"
	)
	statePath := filepath.Join(t.TempDir(), "emulator-state.json")
	slow, _ := r.emulator(t, EmulatorOptions{Latency: latency, QPS: emulator.DocumentedQPS, Args: []string{"-state", statePath}})
	ws := r.workspace(t, slow.ProviderEnv(), roomsConfig(n, prefix, "v1"))

	// Interrupt once a room is complete (in Terraform's state) and others are in flight.
	inv, _, wait := startApply(t, ws, parallelism)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	if _, err := inv.WaitForOutput(ctx, regexp.MustCompile(`: Creation complete after`), 1); err != nil {
		t.Fatalf("waiting for a created room: %v", err)
	}
	interrupted := time.Now()
	if err := inv.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	res := wait()
	stopped := time.Since(interrupted)
	figure(t, "SIGINT during an apply of %d rooms at -latency %v, -parallelism=%d: terraform exited %d in %.2fs (bound %v)",
		n, latency, parallelism, res.ExitCode, stopped.Seconds(), stopBound)
	if stopped > stopBound {
		t.Fatalf("terraform took %v to stop after SIGINT, more than %v:\n%s", stopped, stopBound, tail(res.Stdout+res.Stderr, 3000))
	}
	if res.ExitCode == 0 {
		t.Fatalf("the interrupted apply exited 0: it was not interrupted\n%s", tail(res.Stdout, 3000))
	}
	errs, _ := diagnostics(res)
	figure(t, "the interrupted apply showed %d error(s): %q", len(errs), distinct(errs))
	time.Sleep(latency + 500*time.Millisecond) // requests the emulator had already taken finish
	atStop, inState := roomCount(slow), len(readStateRooms(t, ws))
	figure(t, "after the interrupt: %d rooms in the emulator, %d in the state file", atStop, inState)
	if inState == 0 || atStop >= n {
		t.Fatalf("%d rooms in the state, %d in the emulator: the interrupt did not land mid-apply", inState, atStop)
	}

	// The same rooms (the emulator's state file) at normal speed.
	slow.Stop()
	fast, _ := r.emulator(t, EmulatorOptions{QPS: emulator.DocumentedQPS, Args: []string{"-state", statePath}})
	if got := roomCount(fast); got != atStop {
		t.Fatalf("the restarted emulator holds %d rooms, the slow one held %d", got, atStop)
	}
	ws = withEnv(ws, "TENCENTLIVE_ENDPOINT="+fast.URL)
	assertOrphansRefused(t, fast, ws, atStop-inState, parallelism)
	next, cost := measured(t, fast, withEnv(ws, adoptOnce), Apply(parallelism))
	assertOnlyWarnings(t, next, adoptionWarnings...)
	assertConverged(t, fast, ws, n, roomsSpec(prefix, "v1"))
	assertPlanEmpty(t, ws, parallelism)
	figure(t, "next apply: exit 0, %d rooms adopted, converged to %d rooms; %s", atStop-inState, n, cost)
}

// distinct returns the different values of ss, in first-seen order.
func distinct(ss []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, s := range ss {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// processGone waits up to 2 s for pid to exit (or be a zombie awaiting its reaper).
func processGone(pid int) bool {
	for i := 0; i < 200; i++ {
		data, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
		if err != nil {
			return true
		}
		if st := string(data); strings.HasPrefix(st[strings.LastIndexByte(st, ')')+1:], " Z") {
			return true
		}
		time.Sleep(10 * time.Millisecond)
	}
	return false
}
