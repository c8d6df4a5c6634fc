package e2e

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tencentlive/terraform-provider-tencentlive/emulator"
)

// BenchmarkGiftCatalog applies the catalogue (16 gifts x 3 translations, 3 categories)
// from empty through the real CLI against the emulator process at the documented 1 call/s per
// gift command, then refreshes it with the bulk read on and off, and destroys it. It reports
// each step's seconds beside its rate floor (the most calls any one command needs, at 1/s) and
// the 100012 refusals that reached the service (the client paces, so none should).
// Run: TF_ACC=1 go test ./internal/e2e -run '^$' -bench GiftCatalog -benchtime 1x -timeout 20m
func BenchmarkGiftCatalog(b *testing.B) {
	if os.Getenv("TF_ACC") == "" {
		b.Skip("set TF_ACC=1: drives the real CLI against the emulator process")
	}
	repo, err := RepoRoot()
	if err != nil {
		b.Fatal(err)
	}
	bins, err := Build(context.Background(), repo, filepath.Join(b.TempDir(), "bin"))
	if err != nil {
		b.Fatal(err)
	}
	const gifts, languages = GiftCatalogGifts, GiftCatalogLanguages
	for range b.N {
		for _, bulk := range []bool{true, false} {
			opts := EmulatorOptions{QPS: emulator.DocumentedQPS}
			if !bulk {
				opts.Args = []string{"-no-gift-info-list"}
			}
			emu, err := StartEmulator(context.Background(), bins.Emulator, opts)
			if err != nil {
				b.Fatal(err)
			}
			b.Cleanup(emu.Stop) // also when a step fails
			ws, err := NewWorkspace(b.TempDir(), bins, emu.ProviderEnv())
			if err != nil {
				emu.Stop()
				b.Fatal(err)
			}
			if err := ws.WriteConfig(GiftCatalogHCL(gifts, false)); err != nil {
				b.Fatal(err)
			}
			run := func(s Step, floor time.Duration) {
				ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
				defer cancel()
				if err := emu.ResetStats(ctx); err != nil {
					b.Fatal(err)
				}
				res, err := ws.Run(ctx, s)
				if err == nil {
					err = res.Err()
				}
				if err != nil {
					b.Fatalf("%s: %v", s.Name, err)
				}
				st, err := emu.Stats(ctx)
				if err != nil {
					b.Fatal(err)
				}
				name := strings.ReplaceAll(s.Name, " ", "-")
				if !bulk {
					name += "-bulk-off"
				}
				b.ReportMetric(res.Wall.Seconds(), name+"-s")
				b.ReportMetric(res.Wall.Seconds()/floor.Seconds(), name+"-x-floor")
				// A refusal at the service is retried by the client a second later; none may reach
				// the user (the step would fail above), but each is reported.
				b.Logf("FIGURE: gift catalogue (bulk read %v) %s: %.1f s, floor %.0f s (%.2fx), %d requests, %d refused with 100012 (retried) %v",
					bulk, s.Name, res.Wall.Seconds(), floor.Seconds(), res.Wall.Seconds()/floor.Seconds(), st.Total, st.ErrorCodes[100012], st.RefusedBy)
				b.ReportMetric(float64(st.ErrorCodes[100012]), name+"-100012")
			}
			ctx := context.Background()
			if _, err := ws.Run(ctx, Init()); err != nil {
				b.Fatal(err)
			}
			if bulk {
				// Floor: set_gift_language, the command with the most calls, at 1/s.
				run(Apply(10), gifts*languages*time.Second)
				// Floor: one bulk read.
				run(RefreshPlan(10), time.Second)
			} else {
				run(Apply(10), gifts*languages*time.Second)
				// Floor: get_gift_language, one per gift and language, at 1/s.
				run(RefreshPlan(10), gifts*languages*time.Second)
			}
			// Floor: del_gift at 1/s, after the destroy's refresh (one bulk read, or the
			// documented reads' get_gift_language at 1/s).
			refresh := time.Second
			if !bulk {
				refresh = gifts * languages * time.Second
			}
			run(Destroy(10), refresh+gifts*time.Second)
			emu.Stop()
		}
	}
}
