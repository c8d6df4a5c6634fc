package e2e

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"
)

// testConcurrentRuns: three workspaces apply 300 rooms each at the same time through one
// emulator at the documented limits (create_room 200/s per SDKAppID), as CI applies several
// workspaces of one application in parallel. Each provider paces itself for the whole rate;
// the adaptive limiter makes them share it: refusals (60007) must stay under 2% of all requests,
// and every apply must succeed with no diagnostic. The wall time is reported against the 4.5 s
// that 900 creates need at 200/s (the target, 1.3x, is in the README, not asserted here).
func (r *reliability) testConcurrentRuns(t *testing.T) {
	const (
		runs        = 3
		n           = 300
		parallelism = 50
		latency     = 20 * time.Millisecond
		maxRefused  = 0.02
	)
	emu, _ := r.emulator(t, EmulatorOptions{QPS: -1, Latency: latency})
	wss := make([]*Workspace, runs)
	for i := range wss {
		prefix := fmt.Sprintf("ws%d-", i)
		wss[i] = r.workspace(t, emu.ProviderEnv(), roomsConfig(n, prefix, "v1"))
	}
	ctx := context.Background()
	if err := emu.ResetStats(ctx); err != nil {
		t.Fatal(err)
	}

	results := make([]*Result, runs)
	var wg sync.WaitGroup
	start := time.Now()
	for i, ws := range wss {
		wg.Go(func() {
			c, cancel := context.WithTimeout(ctx, stepTimeout)
			defer cancel()
			res, err := ws.RunWith(c, Apply(parallelism), RunOptions{})
			if err != nil {
				t.Errorf("apply %d: %v", i, err)
				return
			}
			results[i] = res
		})
	}
	wg.Wait()
	wall := time.Since(start)
	if t.Failed() {
		return
	}
	stats, err := emu.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}

	rooms, err := emu.Rooms(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for i, res := range results {
		if res.ExitCode != 0 {
			t.Fatalf("apply %d exited %d\nstderr:\n%s\nstdout:\n%s", i, res.ExitCode, tail(res.Stderr, 6000), tail(res.Stdout, 3000))
		}
		assertNoDiagnostics(t, res)
		prefix := fmt.Sprintf("ws%d-", i)
		var mine []Room
		for _, room := range rooms {
			if strings.HasPrefix(room.RoomID, prefix) {
				mine = append(mine, room)
			}
		}
		if problems := compareRooms(mine, readStateRooms(t, wss[i]), n, roomsSpec(prefix, "v1")); len(problems) > 0 {
			t.Fatalf("workspace %d: emulator and state disagree (%d problems):\n%s", i, len(problems), strings.Join(problems[:min(len(problems), 20)], "\n"))
		}
		figure(t, "apply %d: wall %.1fs", i, res.Wall.Seconds())
	}
	share := float64(stats.RateRefused) / float64(stats.Total)
	const floor = float64(runs*n) / 200
	figure(t, "%d applies of %d rooms at once, -parallelism=%d, documented limits, -latency %v: wall %.1fs (%.2fx the %.1fs that %d creates need at 200/s); %d requests %s, %d refused with 60007 (%.1f%%)",
		runs, n, parallelism, latency, wall.Seconds(), wall.Seconds()/floor, floor, runs*n,
		stats.Total, sortedCounts(stats.Commands), stats.RateRefused, 100*share)
	if share >= maxRefused {
		t.Fatalf("%d of %d requests (%.1f%%) refused with 60007; want under %.0f%%", stats.RateRefused, stats.Total, 100*share, 100*maxRefused)
	}
}
