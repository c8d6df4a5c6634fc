package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/e2e"
)

// concurrentRuns is how many workspaces apply at once, as CI applies several workspaces of one
// application in parallel: they share the application's rate limits.
const concurrentRuns = 3

// concurrent applies concurrentRuns workspaces of concurrentN rooms each at once against one
// emulator at the documented limits, then the same workspaces on the no-op provider.
func (sr *scenarioRunner) concurrent(ctx context.Context) ([]scenarioRow, error) {
	cfg := sr.cfg
	n := cfg.concurrentN
	emu, stop, err := sr.startEmulator(ctx, "concurrent", cfg.latency)
	if err != nil {
		return nil, err
	}
	defer stop()

	noopBins := cfg.bins
	noopBins.Provider = cfg.noopProvider
	var live, noop []*e2e.Workspace
	for i := range concurrentRuns {
		prefix := fmt.Sprintf("bench-ws%d-", i)
		ws, err := sr.roomsWorkspace(ctx, filepath.Join(cfg.work, "ws", fmt.Sprintf("concurrent-room-%d", i)), cfg.bins, emu.ProviderEnv(), n, prefix)
		if err != nil {
			return nil, err
		}
		live = append(live, ws)
		if ws, err = sr.roomsWorkspace(ctx, filepath.Join(cfg.work, "ws", fmt.Sprintf("concurrent-noop-%d", i)), noopBins, nil, n, prefix); err != nil {
			return nil, err
		}
		noop = append(noop, ws)
	}
	what := fmt.Sprintf("%d workspaces apply %d rooms each at once, P=50", concurrentRuns, n)
	want := regexp.MustCompile(fmt.Sprintf(`(?m)^Apply complete! Resources: %d added, 0 changed, 0 destroyed\.`, n))
	row := scenarioRow{section: "concurrent", what: what, rooms: concurrentRuns * n, target: 1.3}
	row.room, row.err = sr.atOnce(ctx, what+" (tencentlive)", live, emu, e2e.Apply(50), want)
	if row.err != nil {
		return []scenarioRow{row}, row.err
	}
	row.floor = phaseFloor(row.room.stats)
	row.noop, row.err = sr.atOnce(ctx, what+" (no-op)", noop, nil, e2e.Apply(50), want)
	return []scenarioRow{row}, row.err
}

// roomsWorkspace is a fresh, initialised workspace of n rooms.
func (sr *scenarioRunner) roomsWorkspace(ctx context.Context, dir string, bins e2e.Binaries, env []string, n int, prefix string) (*e2e.Workspace, error) {
	_ = os.RemoveAll(dir)
	ws, err := e2e.NewWorkspace(dir, bins, append(env, sr.cfg.env...))
	if err != nil {
		return nil, err
	}
	if err := ws.WriteConfig(e2e.RoomsHCL(n, prefix)); err != nil {
		return nil, err
	}
	res, err := ws.Run(ctx, e2e.Init())
	if err == nil {
		err = res.Err()
	}
	return ws, err
}
