package main

import (
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/e2e"
)

func TestAPIFloorAddsPhasesAndTakesTheBusiestCommandOfEach(t *testing.T) {
	phases := []e2e.Stats{
		{Commands: map[string]int64{"get_room_info": 1000}},                                           // 5 s
		{Commands: map[string]int64{"create_room": 1000, "get_room_info": 1000, "get_room_list": 20}}, // max(5, 5, 2) s
	}
	if got := apiFloor(phases); math.Abs(got-10) > 1e-9 {
		t.Fatalf("apiFloor = %v, want 10", got)
	}
	// A command with a lower documented rate dominates when it is the busiest.
	if got := phaseFloor(e2e.Stats{Commands: map[string]int64{"get_room_list": 50, "get_room_info": 200}}); got != 5 {
		t.Fatalf("phaseFloor = %v, want 5 (50 get_room_list at 10/s)", got)
	}
	if apiFloor(nil) != 0 {
		t.Fatal("no requests must mean no floor")
	}
}

func TestPerRoom(t *testing.T) {
	phases := []e2e.Stats{
		{Commands: map[string]int64{}},
		{Commands: map[string]int64{"create_room": 100, "get_room_info": 200, "update_room_info": 50}},
	}
	if got := perRoom(phases, 100); got != "get_room_info 2, create_room 1, update_room_info 0.5" {
		t.Fatalf("perRoom = %q", got)
	}
	if got := perRoom(nil, 100); got != "none" {
		t.Fatalf("perRoom(nil) = %q", got)
	}
}

func TestVerdict(t *testing.T) {
	floor5 := []e2e.Stats{{Commands: map[string]int64{"create_room": 1000}}} // 5 s
	room := func(wall time.Duration, refused int64, rss uint64) *result {
		phases := append([]e2e.Stats(nil), floor5...)
		phases[0].RateRefused = refused
		return &result{kind: kindRoom, wall: wall, phases: phases, usage: e2e.Usage{ProviderPeakRSS: rss}}
	}
	data := &result{kind: kindData, wall: 4 * time.Second}
	cases := []struct {
		r    row
		want string
	}{
		{row{n: 1000, p: 50, room: room(6*time.Second, 0, 50<<20), data: data}, "yes"}, // 6/5 = 1.2
		{row{n: 1000, p: 50, room: room(7*time.Second, 0, 50<<20), data: data}, "**no**: 1.40× > 1.2×"},
		{row{n: 1000, p: 50, room: room(5*time.Second, 3, 120<<20), data: data}, "**no**: 3 refused, RSS ≥ 100 MB"},
		{row{n: 500, p: 50, room: room(5*time.Second, 0, 120<<20), data: data}, "yes"}, // RSS target is for N = 1000
		{row{n: 1000, p: 10, room: room(9*time.Second, 0, 0), data: data}, "—"},
	}
	for _, c := range cases {
		if got := c.r.verdict(); got != c.want {
			t.Errorf("verdict(n=%d p=%d room=%v) = %q, want %q", c.r.n, c.r.p, c.r.room.wall, got, c.want)
		}
	}
}

func TestRenderPairsKinds(t *testing.T) {
	results := []result{
		{kind: kindRoom, n: 100, p: 50, step: "apply", wall: 2 * time.Second,
			phases: []e2e.Stats{{Total: 100, Commands: map[string]int64{"get_room_info": 100}},
				{Total: 300, Commands: map[string]int64{"create_room": 100, "get_room_info": 200}}}},
		{kind: kindData, n: 100, p: 50, step: "apply", wall: time.Second},
	}
	out := render(config{bins: e2e.Binaries{Terraform: "/nonexistent/terraform"}, latency: 20 * time.Millisecond}, results, nil, time.Minute, nil)
	want := "| 100 | 50 | apply | 2.00 s | 1.00 s | 1.50 s | 1.33 | **no**: 1.33× > 1.2× | 4 | 0 | — |"
	if !strings.Contains(out, want) {
		t.Fatalf("render lacks row\n%s\nin\n%s", want, out)
	}
	if !strings.Contains(out, "get_room_info 1 → get_room_info 2, create_room 1") {
		t.Fatalf("render lacks the per-phase breakdown:\n%s", out)
	}
}

// The least any provider could take: per phase the larger of the floor and terraform_data's
// time; a destroy's plan phase replaces only terraform_data's refresh walk with the floor.
func TestPhaseTableBoundsAndReachability(t *testing.T) {
	sec := func(f float64) time.Duration { return time.Duration(f * float64(time.Second)) }
	gets := func(n int64) e2e.Stats { return e2e.Stats{Commands: map[string]int64{"get_room_info": n}} }
	destroys := e2e.Stats{Commands: map[string]int64{"destroy_room": 300}}
	creates := e2e.Stats{Commands: map[string]int64{"create_room": 300}}
	results := []result{
		{kind: kindRoom, n: 300, p: 50, step: "apply", wall: sec(4.47), planAt: sec(1.18), phases: []e2e.Stats{gets(192), creates}},
		{kind: kindData, n: 300, p: 50, step: "apply", wall: sec(2.49), planAt: sec(0.23)},
		{kind: kindRoom, n: 300, p: 50, step: "refresh-only plan", wall: sec(1.61), phases: []e2e.Stats{gets(300)}},
		{kind: kindData, n: 300, p: 50, step: "refresh-only plan", wall: sec(0.34)},
		{kind: kindRoom, n: 300, p: 50, step: "destroy", wall: sec(5.60), planAt: sec(2.34), phases: []e2e.Stats{gets(300), destroys}},
		{kind: kindData, n: 300, p: 50, step: "destroy", wall: sec(3.81), planAt: sec(0.73)},
	}
	got := phaseTable(rows(results))
	for _, want := range []string{
		// apply: max(0.96, 0.23) + max(1.50, 2.26); target 1.2 × max(2.46, 2.49)
		"| 300 | 50 | apply | 1.18 + 3.29 s | 0.23 + 2.26 s | — | — | 0.96 + 1.50 s | 3.22 s | 2.99 s | **no** |",
		// destroy: (0.73 − 0.34) + max(1.50, 0.34) + max(1.50, 3.08); target 1.2 × max(3.00, 3.81)
		"| 300 | 50 | destroy | 2.34 + 3.26 s | 0.73 + 3.08 s | — | — | 1.50 + 1.50 s | 4.97 s | 4.57 s | **no** |",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("phase table lacks\n%s\ngot:\n%s", want, got)
		}
	}
	if strings.Contains(got, "refresh-only plan |") {
		t.Error("a step without an apply phase has no row")
	}

	// With the no-op provider measured, it is the baseline instead of terraform_data.
	results = append(results,
		result{kind: kindNoop, n: 300, p: 50, step: "refresh-only plan", wall: sec(0.81)},
		result{kind: kindNoop, n: 300, p: 50, step: "destroy", wall: sec(4.88), planAt: sec(1.40)},
	)
	got = phaseTable(rows(results))
	// (1.40 − 0.81) + max(1.50, 0.81) + max(1.50, 3.48); target still 1.2 × terraform_data
	want := "| 300 | 50 | destroy | 2.34 + 3.26 s | 0.73 + 3.08 s | 1.40 + 3.48 s | — | 1.50 + 1.50 s | 5.57 s | 4.57 s | **no** |"
	if !strings.Contains(got, want) {
		t.Errorf("phase table lacks\n%s\ngot:\n%s", want, got)
	}
}

// A scenario is held against the larger of its API floor and the no-op provider's time.
func TestScenarioRatioAndVerdict(t *testing.T) {
	sec := func(f float64) *measured { return &measured{wall: time.Duration(f * float64(time.Second))} }
	cases := []struct {
		r     scenarioRow
		ratio float64
		want  string
	}{
		{scenarioRow{room: sec(6), noop: sec(4), floor: 5, target: 1.2}, 1.2, "yes"},                        // the floor is the bar
		{scenarioRow{room: sec(6), noop: sec(4.5), floor: 2, target: 1.2}, 6 / 4.5, "**no**: 1.33× > 1.2×"}, // the no-op time is
		{scenarioRow{room: sec(57), floor: 48, target: 1.2}, 57.0 / 48, "yes"},                              // no no-op provider
		{scenarioRow{room: sec(3), noop: sec(1)}, 3, "—"},                                                   // no target
		{scenarioRow{room: sec(3), noop: sec(1), target: 1.3, err: errors.New("x")}, 3, "**failed**"},
	}
	for _, c := range cases {
		if got := c.r.ratio(); math.Abs(got-c.ratio) > 1e-9 {
			t.Errorf("ratio(%v) = %v, want %v", c.r.room.wall, got, c.ratio)
		}
		if got := c.r.verdict(); got != c.want {
			t.Errorf("verdict(%v) = %q, want %q", c.r.room.wall, got, c.want)
		}
	}
}

// The provider's CPU is split at the plan line and given per room.
func TestProviderCPUPerRoomPerPhase(t *testing.T) {
	r := &result{n: 500, planAt: time.Second, planCPU: 300 * time.Millisecond, usage: e2e.Usage{ProviderCPU: 1300 * time.Millisecond}}
	if got := providerCPU(r); got != "1.30 s (0.60 → 2.00 ms)" {
		t.Errorf("providerCPU = %q", got)
	}
	r.planAt, r.planCPU = 0, 0 // a step with no apply phase
	if got := providerCPU(r); got != "1.30 s (2.60 ms)" {
		t.Errorf("providerCPU without an apply phase = %q", got)
	}
}

func TestRequestsOf(t *testing.T) {
	st := e2e.Stats{Total: 1800, Commands: map[string]int64{"create_room": 900, "get_room_info": 900}}
	if got := requestsOf(st, 900); got != "2 (create_room 1, get_room_info 1)" {
		t.Errorf("per room: %q", got)
	}
	if got := requestsOf(e2e.Stats{Total: 2, Commands: map[string]int64{"edit_gift": 1, "get_gift_info_list": 1}}, 0); got != "2 (edit_gift 1, get_gift_info_list 1)" {
		t.Errorf("totals: %q", got)
	}
}

// With the no-op provider measured, the table also holds the time against the larger of it and
// the floor.
func TestNoopRatio(t *testing.T) {
	phases := []e2e.Stats{{Commands: map[string]int64{"get_room_info": 200}}} // 1 s
	r := row{room: &result{wall: 3 * time.Second, phases: phases}, noop: &result{wall: 2 * time.Second}}
	if got := r.noopRatio(); got != "1.50" {
		t.Errorf("noopRatio = %s, want 1.50 (3 s / the no-op's 2 s)", got)
	}
	r.noop.wall = 500 * time.Millisecond
	if got := r.noopRatio(); got != "3.00" {
		t.Errorf("noopRatio = %s, want 3.00 (3 s / the 1 s floor)", got)
	}
	if got := (row{room: r.room}).noopRatio(); got != "—" {
		t.Errorf("noopRatio without a no-op run = %s", got)
	}
}
