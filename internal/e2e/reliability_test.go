package e2e

import (
	"context"
	"os"
	"path/filepath"
	"testing"
)

// TestReliability holds the provider to its reliability promises (DESIGN.md, Tests): the real CLI and provider against the emulator
// command under injected faults, rate limits, crashes, interrupts, platform auto-destroy, bad
// input and a trace log searched for secrets. Each subtest asserts its property and logs its
// figures as "FIGURE: <subtest>: ...":
//
//	TF_ACC=1 go test -count=1 ./internal/e2e/ -run TestReliability -v -timeout 30m | grep FIGURE:
//
// -count=1 matters: go test cannot see that the CLI, the provider and the emulator changed, and
// would replay a cached pass. One subtest alone: -run 'TestReliability/FaultSoak'.
// RELIABILITY_SEED fixes the fault seed (the order of concurrent requests still varies).
func TestReliability(t *testing.T) {
	if os.Getenv("TF_ACC") == "" {
		t.Skip("set TF_ACC=1 to run the reliability suite (the real CLI against the emulator)")
	}
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
	t.Run("FaultSoakExtras", r.testFaultSoakExtras)
	t.Run("FlakyPeriod", r.testFlakyPeriod)
	t.Run("Rate", r.testRate)
	t.Run("RateSharedQuota", r.testRateSharedQuota)
	t.Run("ConcurrentRuns", r.testConcurrentRuns)
	t.Run("CrashSafety", r.testCrashSafety)
	t.Run("Cancellation", r.testCancellation)
	t.Run("GiftCatalogFaults", r.testGiftCatalogFaults)
	t.Run("AutoDestroy", r.testAutoDestroy)
	t.Run("EmptyRoomRobots", r.testEmptyRoomRobots)
	t.Run("TerraformTestFile", r.testTerraformTestFile)
	t.Run("BadInput", r.testBadInput)
	t.Run("Secrets", r.testSecrets)
}
