package e2e

import (
	"context"
	"path/filepath"
	"testing"
)

// TestReliability is the proof of issue #5: the real CLI and provider against the emulator
// command under injected faults, rate limits, crashes, interrupts, platform auto-destroy, bad
// input and a trace log searched for secrets. Each subtest asserts its property and logs its
// figures as "FIGURE: <subtest>: ...":
//
//	TF_ACC=1 go test ./internal/e2e/ -run TestReliability -v -timeout 30m | grep FIGURE:
//
// One subtest alone: -run 'TestReliability/FaultSoak'. RELIABILITY_SEED fixes the fault seed.
func TestReliability(t *testing.T) {
	requireAcc(t)
	repo, err := RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	bins, err := Build(context.Background(), repo, filepath.Join(t.TempDir(), "bin"))
	if err != nil {
		t.Fatal(err)
	}
	r := &reliability{bins: bins}
	// Sequential on purpose: the figures are timings on a 2-core machine.
	t.Run("FaultSoak", r.testFaultSoak)
	t.Run("Rate", r.testRate)
	t.Run("RateSharedQuota", r.testRateSharedQuota)
	t.Run("CrashSafety", r.testCrashSafety)
	t.Run("Cancellation", r.testCancellation)
	t.Run("AutoDestroy", r.testAutoDestroy)
	t.Run("BadInput", r.testBadInput)
	t.Run("Secrets", r.testSecrets)
}
