package main

import (
	"fmt"
	"sort"
	"strings"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/e2e"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
)

// apiFloor is the least time the vendor's rate limits allow for a step whose phases made the
// given requests. Phases run one after another (a plan finishes before its apply starts), so
// their floors add up; within a phase the commands run side by side, each against its own
// per-command limit, so the busiest command (calls / documented rate) sets that phase's floor.
// It uses the requests the provider actually made, so extra calls raise the floor too and show
// up in the requests-per-room column rather than hiding in the ratio.
func apiFloor(phases []e2e.Stats) float64 {
	var total float64
	for _, p := range phases {
		total += phaseFloor(p)
	}
	return total
}

func phaseFloor(p e2e.Stats) float64 {
	var busiest float64
	for cmd, n := range p.Commands {
		busiest = max(busiest, float64(n)/livespec.CommandRate(cmd))
	}
	return busiest
}

// perRoom renders each phase's requests per room, busiest first: "get_room_info 1 | create_room
// 1, get_room_info 1".
func perRoom(phases []e2e.Stats, n int) string {
	var parts []string
	for _, p := range phases {
		if len(p.Commands) == 0 {
			continue
		}
		cmds := make([]string, 0, len(p.Commands))
		for c := range p.Commands {
			cmds = append(cmds, c)
		}
		sort.Slice(cmds, func(i, j int) bool {
			if p.Commands[cmds[i]] != p.Commands[cmds[j]] {
				return p.Commands[cmds[i]] > p.Commands[cmds[j]]
			}
			return cmds[i] < cmds[j]
		})
		var items []string
		for _, c := range cmds {
			items = append(items, fmt.Sprintf("%s %s", c, trimFloat(float64(p.Commands[c])/float64(n))))
		}
		parts = append(parts, strings.Join(items, ", "))
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, " → ")
}

func trimFloat(f float64) string {
	s := fmt.Sprintf("%.2f", f)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	return s
}

func sumStats(phases []e2e.Stats) (total, refused, faults int64) {
	for _, p := range phases {
		total += p.Total
		refused += p.RateRefused
		faults += p.Faults
	}
	return
}
