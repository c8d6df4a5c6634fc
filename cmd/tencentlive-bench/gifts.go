package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"time"

	"github.com/tencentlive/terraform-provider-tencentlive/emulator"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/e2e"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
)

// gifts measures internal/e2e's gift catalogue (BenchmarkGiftCatalog's: 16 gifts with 3
// translations each, 3 categories), every gift command at its documented 1 call/s: apply from
// empty, a refresh (one bulk read), a price change of one gift, then, against the same catalogue
// with the bulk read switched off (the emulator restarted on its state file with
// -no-gift-info-list), a refresh by the documented per-gift reads; last, the catalogue applied
// from empty to an application whose gift commands share one budget of 1 call/s
// (-shared-gift-rate-budget), with the provider's shared_gift_rate_budget on. Its floors are the
// catalogue's: the most calls any one command needs at 1/s, or with the shared budget all of them.
func (sr *scenarioRunner) gifts(ctx context.Context) ([]scenarioRow, error) {
	cfg := sr.cfg
	const gifts, languages = e2e.GiftCatalogGifts, e2e.GiftCatalogLanguages
	state := filepath.Join(cfg.work, "gifts-emulator-state.json")
	_ = os.Remove(state)
	emuLog, err := os.Create(filepath.Join(sr.logs, "emulator-gifts.log"))
	if err != nil {
		return nil, err
	}
	defer emuLog.Close()
	start := func(args ...string) (*e2e.Emulator, error) {
		emu, err := e2e.StartEmulator(ctx, cfg.bins.Emulator, e2e.EmulatorOptions{QPS: emulator.DocumentedQPS, Log: emuLog,
			Args: append([]string{"-state", state}, args...)})
		if err == nil {
			sr.running["gifts"] = emu
		}
		return emu, err
	}
	defer delete(sr.running, "gifts")
	emu, err := start()
	if err != nil {
		return nil, err
	}
	defer func() { emu.Stop() }()
	dir := filepath.Join(cfg.work, "ws", "gifts")
	_ = os.RemoveAll(dir)
	ws, err := e2e.NewWorkspace(dir, cfg.bins, append(emu.ProviderEnv(), cfg.env...))
	if err != nil {
		return nil, err
	}
	if err := ws.WriteConfig(e2e.GiftCatalogHCL(gifts, false)); err != nil {
		return nil, err
	}
	if res, err := ws.Run(ctx, e2e.Init()); err != nil || res.Err() != nil {
		return nil, fmt.Errorf("gifts: init: %w", errorsOf(err, res))
	}

	var rows []scenarioRow
	step := func(what string, s e2e.Step, want string, floor time.Duration, note string) error {
		row := scenarioRow{section: "gifts", what: what, floor: floor.Seconds(), target: 1.2, note: note}
		row.room, _, row.err = sr.step(ctx, "gift catalogue: "+what, ws, emu, s, regexp.MustCompile(want))
		rows = append(rows, row)
		return row.err
	}
	objects := gifts + e2e.GiftCatalogCategories
	catalogue := fmt.Sprintf("%d gifts × %d translations, 3 categories", gifts, languages)
	if err := step("apply from empty, "+catalogue+", P=10", e2e.Apply(10),
		fmt.Sprintf(`(?m)^Apply complete! Resources: %d added, 0 changed, 0 destroyed\.`, objects),
		gifts*languages*time.Second, fmt.Sprintf("floor: %d set_gift_language at 1/s", gifts*languages)); err != nil {
		return rows, err
	}
	if err := step("refresh-only plan", e2e.RefreshPlan(10), `(?m)^No changes\.`, time.Second, "floor: one bulk read (get_gift_info_list)"); err != nil {
		return rows, err
	}
	if err := ws.WriteConfig(e2e.GiftCatalogHCL(gifts, true)); err != nil {
		return rows, err
	}
	if err := step("price change of one gift", e2e.Apply(10), `(?m)^Apply complete! Resources: 0 added, 1 changed, 0 destroyed\.`,
		2*time.Second, "floor: the refresh's bulk read, then one edit_gift"); err != nil {
		return rows, err
	}
	if err := checkOneWrite(&rows[len(rows)-1]); err != nil {
		return rows, err
	}

	// The same catalogue, with the bulk read switched off.
	emu.Stop()
	if emu, err = start("-no-gift-info-list"); err != nil {
		return rows, err
	}
	ws.Env = append(ws.Env, emu.ProviderEnv()...) // the last value of a variable is the one used
	if err := step("refresh-only plan, bulk read off", e2e.RefreshPlan(10), `(?m)^No changes\.`, gifts*languages*time.Second,
		fmt.Sprintf("floor: %d get_gift_language at 1/s", gifts*languages)); err != nil {
		return rows, err
	}

	// From empty again, every call drawing from one budget.
	emu.Stop()
	_ = os.Remove(state)
	if emu, err = start("-shared-gift-rate-budget"); err != nil {
		return rows, err
	}
	dir = filepath.Join(cfg.work, "ws", "gifts-shared")
	_ = os.RemoveAll(dir)
	env := append(append(emu.ProviderEnv(), cfg.env...), tfkit.EnvSharedGiftBudget+"=true")
	if ws, err = e2e.NewWorkspace(dir, cfg.bins, env); err != nil {
		return rows, err
	}
	if err := ws.WriteConfig(e2e.GiftCatalogHCL(gifts, false)); err != nil {
		return rows, err
	}
	if res, err := ws.Run(ctx, e2e.Init()); err != nil || res.Err() != nil {
		return rows, fmt.Errorf("gifts: init: %w", errorsOf(err, res))
	}
	calls := e2e.GiftCatalogCalls(gifts)
	if err := step("apply from empty, one shared budget (shared_gift_rate_budget), P=10", e2e.Apply(10),
		fmt.Sprintf(`(?m)^Apply complete! Resources: %d added, 0 changed, 0 destroyed\.`, objects),
		time.Duration(calls)*time.Second, fmt.Sprintf("floor: all %d calls at 1/s", calls)); err != nil {
		return rows, err
	}
	return rows, nil
}

// checkOneWrite fails the price-change row unless its only write was one edit_gift.
func checkOneWrite(row *scenarioRow) error {
	writes := map[string]int64{}
	for cmd, n := range row.room.stats.Commands {
		if n -= row.room.stats.RefusedBy[cmd]; n > 0 && !giftRead.MatchString(cmd) {
			writes[cmd] = n // sent and served: a refused request is sent again
		}
	}
	if len(writes) != 1 || writes["edit_gift"] != 1 {
		row.err = fmt.Errorf("a price change of one gift sent %v, want one edit_gift", writes)
	}
	return row.err
}

// giftRead matches the gift system's read commands.
var giftRead = regexp.MustCompile(`^get_`)

func errorsOf(err error, res *e2e.Result) error {
	if err != nil {
		return err
	}
	return res.Err()
}
