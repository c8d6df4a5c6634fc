package e2e

import "github.com/tencentlive/terraform-provider-tencentlive/emulator"

// Stats is the emulator's request counters, as GET /_emulator/stats serves them.
type Stats = emulator.Stats

// Room is one of the emulator's rooms, as GET /_emulator/rooms serves them.
type Room = emulator.Room

// StatsDelta returns the counts that happened between before and after.
func StatsDelta(after, before Stats) Stats {
	return Stats{
		Total:         after.Total - before.Total,
		Commands:      subMap(after.Commands, before.Commands),
		ErrorCodes:    subMap(after.ErrorCodes, before.ErrorCodes),
		Faults:        after.Faults - before.Faults,
		FaultKinds:    subMap(after.FaultKinds, before.FaultKinds),
		RateRefused:   after.RateRefused - before.RateRefused,
		RefusedBy:     subMap(after.RefusedBy, before.RefusedBy),
		PersistErrors: after.PersistErrors - before.PersistErrors,
	}
}

func subMap[K comparable](after, before map[K]int64) map[K]int64 {
	out := make(map[K]int64, len(after))
	for k, v := range after {
		if d := v - before[k]; d != 0 {
			out[k] = d
		}
	}
	return out
}
