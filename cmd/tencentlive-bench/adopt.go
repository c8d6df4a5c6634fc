package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/e2e"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
)

// Adopting rooms an application already has (Terraform 1.14+): `terraform query` of queryN
// rooms, as identities, with include_resource and with -generate-config-out, then the plan of
// the configuration -generate-config-out writes for importN of them, which must be import-only.
// Each beside the no-op provider doing the same for the same rooms, read from the real query's
// -json output.

const adoptPrefix = "tf-acc-test-bq-"

// adoptHeader is the configuration both workspaces start from: the provider, no resource.
const adoptHeader = `terraform {
  required_providers {
    tencentlive = { source = "tencentlive/tencentlive" }
  }
}

provider "tencentlive" {}
`

// adoptSeed is the rooms of an application: every seat template in turn, one in three hosted by
// an account, one in five with metadata, an admin and a robot (as internal/e2e's query test makes
// them), given to the emulator in one seed rather than a request each.
func adoptSeed(n int) ([]byte, error) {
	type room struct {
		RoomID       string            `json:"RoomId"`
		RoomType     string            `json:"RoomType"`
		RoomName     string            `json:"RoomName"`
		SeatTemplate string            `json:"SeatTemplate"`
		MaxSeatCount int64             `json:"MaxSeatCount,omitempty"`
		Owner        string            `json:"Owner_Account,omitempty"`
		Metadata     map[string]string `json:"Metadata,omitempty"`
		Admins       []string          `json:"Admin_Account,omitempty"`
		Robots       []string          `json:"RobotList_Account,omitempty"`
	}
	host, admin, robot := adoptPrefix+"host", adoptPrefix+"admin", adoptPrefix+"robot"
	seed := struct {
		Accounts []map[string]string `json:"accounts"`
		Rooms    []room              `json:"rooms"`
	}{Accounts: []map[string]string{{"UserID": host}, {"UserID": admin}, {"UserID": robot}}}
	templates := livespec.SeatTemplateNames()
	for i := range n {
		r := room{RoomID: fmt.Sprintf("%s%04d", adoptPrefix, i), RoomType: livespec.RoomTypeLive, RoomName: fmt.Sprintf("Room %d", i), SeatTemplate: templates[i%len(templates)]}
		if t, _ := livespec.LookupSeatTemplate(r.SeatTemplate); t.Voice {
			r.MaxSeatCount = int64(2 + i%6)
		}
		if i%3 == 0 {
			r.Owner = host
		}
		if i%5 == 0 {
			r.Metadata = map[string]string{"theme": "dark", "slot": fmt.Sprint(i)}
			r.Admins, r.Robots = []string{admin}, []string{robot}
		}
		seed.Rooms = append(seed.Rooms, r)
	}
	return json.Marshal(seed)
}

// listBlock is the query file: every room under adoptPrefix, at most limit.
func listBlock(limit int, includeResource bool) string {
	include := ""
	if includeResource {
		include = "\n  include_resource = true"
	}
	return fmt.Sprintf(`list "tencentlive_room" "adopted" {
  provider = tencentlive
  limit    = %d%s
  config {
    room_id_prefix = %q
  }
}
`, limit, include, adoptPrefix)
}

func queryStep(name string, args ...string) e2e.Step {
	return e2e.Step{Name: name, Args: append([]string{"query", "-no-color"}, args...)}
}

func (sr *scenarioRunner) adopt(ctx context.Context) ([]scenarioRow, error) {
	cfg := sr.cfg
	rooms := max(cfg.queryN, cfg.importN)
	emu, stop, err := sr.startEmulator(ctx, "adopt", cfg.latency)
	if err != nil {
		return nil, err
	}
	defer stop()
	seed, err := adoptSeed(rooms)
	if err != nil {
		return nil, err
	}
	if err := emu.Seed(ctx, seed); err != nil {
		return nil, err
	}

	base := filepath.Join(cfg.work, "ws")
	fixture := filepath.Join(base, "adopt-rooms.json") // the real query's -json output, for the no-op provider
	_ = os.Remove(fixture)
	live, err := sr.adoptWorkspace(ctx, filepath.Join(base, "adopt-room"), cfg.bins, emu.ProviderEnv())
	if err != nil {
		return nil, err
	}
	noopBins := cfg.bins
	noopBins.Provider = cfg.noopProvider
	noop, err := sr.adoptWorkspace(ctx, filepath.Join(base, "adopt-noop"), noopBins, []string{"TENCENTLIVE_NOOP_ROOMS=" + fixture})
	if err != nil {
		return nil, err
	}

	var rows []scenarioRow
	// pair runs a step in the real provider's workspace, then in the no-op one, as one row.
	pair := func(what string, n int, s e2e.Step, want *regexp.Regexp, target float64, after func(stdout string) error) error {
		row := scenarioRow{section: "adopt", what: what, rooms: n, target: target}
		defer func() { rows = append(rows, row) }()
		m, stdout, err := sr.step(ctx, what+" (tencentlive)", live, emu, s, want)
		row.room = m
		if err == nil && after != nil {
			err = after(stdout)
		}
		if err != nil {
			row.err = err
			return err
		}
		row.floor = phaseFloor(m.stats)
		row.noop, _, row.err = sr.step(ctx, what+" (no-op)", noop, nil, s, want)
		return row.err
	}
	both := func(name, content string) error {
		for _, ws := range []*e2e.Workspace{live, noop} {
			if err := writeOrRemove(ws, name, content); err != nil {
				return err
			}
		}
		return nil
	}

	if cfg.queryN > 0 {
		found := regexp.MustCompile(fmt.Sprintf(`"list_resource_found"[^\n]*%s%04d`, adoptPrefix, cfg.queryN-1))
		saveFixture := func(stdout string) error { return os.WriteFile(fixture, []byte(stdout), 0o644) }
		if err := both("rooms.tfquery.hcl", listBlock(cfg.queryN, true)); err != nil {
			return rows, err
		}
		if err := pair(fmt.Sprintf("`terraform query -json` of %d rooms, include_resource", cfg.queryN), cfg.queryN,
			queryStep("query include_resource", "-json"), found, 1.2, saveFixture); err != nil {
			return rows, err
		}
		if err := both("rooms.tfquery.hcl", listBlock(cfg.queryN, false)); err != nil {
			return rows, err
		}
		last := regexp.MustCompile(fmt.Sprintf(`%s%04d`, adoptPrefix, cfg.queryN-1))
		if err := pair(fmt.Sprintf("`terraform query` of %d rooms, identities", cfg.queryN), cfg.queryN,
			queryStep("query"), last, 1.2, nil); err != nil {
			return rows, err
		}
		if err := pair(fmt.Sprintf("`terraform query -generate-config-out` of %d rooms", cfg.queryN), cfg.queryN,
			queryStep("query generate-config-out", "-generate-config-out=rooms.tf"), nil, 1.2, nil); err != nil {
			return rows, err
		}
		for _, ws := range []*e2e.Workspace{live, noop} {
			if err := countImports(ws, cfg.queryN); err != nil {
				rows[len(rows)-1].err = err
				return rows, err
			}
		}
		if err := both("rooms.tf", ""); err != nil {
			return rows, err
		}
	}

	if cfg.importN > 0 {
		// The configuration: what -generate-config-out writes for importN rooms, made by the real
		// provider; the no-op provider plans the same file.
		if err := writeOrRemove(live, "rooms.tfquery.hcl", listBlock(cfg.importN, true)); err != nil {
			return rows, err
		}
		if cfg.queryN == 0 { // no fixture yet: the real query's objects are it
			_, stdout, err := sr.step(ctx, fmt.Sprintf("query of %d rooms for the no-op provider", cfg.importN), live, emu,
				queryStep("query include_resource", "-json"), nil)
			if err != nil {
				return rows, err
			}
			if err := os.WriteFile(fixture, []byte(stdout), 0o644); err != nil {
				return rows, err
			}
		}
		if _, _, err := sr.step(ctx, fmt.Sprintf("query -generate-config-out of %d rooms", cfg.importN), live, emu,
			queryStep("query generate-config-out", "-generate-config-out=rooms.tf"), nil); err != nil {
			return rows, err
		}
		if err := countImports(live, cfg.importN); err != nil {
			return rows, err
		}
		generated, err := os.ReadFile(filepath.Join(live.Dir, "rooms.tf"))
		if err != nil {
			return rows, err
		}
		if err := both("rooms.tfquery.hcl", ""); err != nil {
			return rows, err
		}
		if err := writeOrRemove(noop, "rooms.tf", string(generated)); err != nil {
			return rows, err
		}
		importOnly := regexp.MustCompile(fmt.Sprintf(`(?m)^Plan: %d to import, 0 to add, 0 to change, 0 to destroy\.`, cfg.importN))
		if err := pair(fmt.Sprintf("plan of the generated import-only configuration, %d rooms, P=50", cfg.importN), cfg.importN,
			e2e.Plan(50), importOnly, 1.2, nil); err != nil {
			return rows, err
		}
		if err := both("rooms.tf", ""); err != nil {
			return rows, err
		}
	}
	return rows, nil
}

func (sr *scenarioRunner) adoptWorkspace(ctx context.Context, dir string, bins e2e.Binaries, env []string) (*e2e.Workspace, error) {
	_ = os.RemoveAll(dir)
	ws, err := e2e.NewWorkspace(dir, bins, append(env, sr.cfg.env...))
	if err != nil {
		return nil, err
	}
	if err := ws.WriteConfig(adoptHeader); err != nil {
		return nil, err
	}
	res, err := ws.Run(ctx, e2e.Init())
	if err == nil {
		err = res.Err()
	}
	return ws, err
}

// writeOrRemove writes a file of the workspace, or removes it when content is "".
func writeOrRemove(ws *e2e.Workspace, name, content string) error {
	if content == "" {
		if err := os.Remove(filepath.Join(ws.Dir, name)); err != nil && !os.IsNotExist(err) {
			return err
		}
		return nil
	}
	return ws.WriteFile(name, content)
}

// countImports checks that the generated rooms.tf has an import block for each of n rooms.
func countImports(ws *e2e.Workspace, n int) error {
	generated, err := os.ReadFile(filepath.Join(ws.Dir, "rooms.tf"))
	if err != nil {
		return err
	}
	if got := strings.Count("\n"+string(generated), "\nimport {"); got != n {
		return fmt.Errorf("%s has %d import blocks, want %d", filepath.Join(ws.Dir, "rooms.tf"), got, n)
	}
	return nil
}
