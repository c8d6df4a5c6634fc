package emulator

import (
	"sync"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
)

// unknownCommand is the Stats.Commands key of requests to paths the emulator does not serve.
const unknownCommand = "unknown"

// Stats counts API requests since start or the last ResetStats. Introspection requests under
// /_emulator/ are not counted.
type Stats struct {
	Total       int64            // every API request, answered or not
	Commands    map[string]int64 // requests per command name ("unknown" for other paths)
	ErrorCodes  map[int]int64    // envelopes sent, per ErrorCode (0 = success)
	Faults      int64            // requests failed on purpose (Options.Faults)
	FaultKinds  map[string]int64 // the same, per kind of failure
	RateRefused int64            // requests refused for their rate (60007; 100012 for gift configuration)
	RefusedBy   map[string]int64 // the same, per command
	// PersistErrors counts failed writes of the state file (the last one is returned by Close).
	PersistErrors int64
}

type statsRecorder struct {
	mu sync.Mutex
	s  Stats
}

func (r *statsRecorder) reset() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.s = Stats{Commands: map[string]int64{}, ErrorCodes: map[int]int64{}, FaultKinds: map[string]int64{}}
}

func (r *statsRecorder) record(command string, code livespec.Code) {
	r.mu.Lock()
	r.s.Total++
	r.s.Commands[command]++
	r.s.ErrorCodes[int(code)]++
	r.mu.Unlock()
}

func (r *statsRecorder) recordFault(command string, f fault) {
	r.mu.Lock()
	r.s.Total++
	r.s.Commands[command]++
	r.s.Faults++
	r.s.FaultKinds[f.String()]++
	if f == faultInternalError {
		r.s.ErrorCodes[int(livespec.CodeInternal)]++
	}
	r.mu.Unlock()
}

func (r *statsRecorder) recordRateRefused(command string) {
	r.mu.Lock()
	r.s.RateRefused++
	if r.s.RefusedBy == nil {
		r.s.RefusedBy = map[string]int64{}
	}
	r.s.RefusedBy[command]++
	r.mu.Unlock()
}

func (r *statsRecorder) recordPersistError() {
	r.mu.Lock()
	r.s.PersistErrors++
	r.mu.Unlock()
}

func (r *statsRecorder) snapshot() Stats {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := r.s
	out.Commands = make(map[string]int64, len(r.s.Commands))
	for k, v := range r.s.Commands {
		out.Commands[k] = v
	}
	out.RefusedBy = make(map[string]int64, len(r.s.RefusedBy))
	for k, v := range r.s.RefusedBy {
		out.RefusedBy[k] = v
	}
	out.ErrorCodes = make(map[int]int64, len(r.s.ErrorCodes))
	for k, v := range r.s.ErrorCodes {
		out.ErrorCodes[k] = v
	}
	out.FaultKinds = make(map[string]int64, len(r.s.FaultKinds))
	for k, v := range r.s.FaultKinds {
		out.FaultKinds[k] = v
	}
	return out
}

// Stats returns a copy of the request counters.
func (s *Server) Stats() Stats { return s.stats.snapshot() }

// ResetStats zeroes the request counters.
func (s *Server) ResetStats() { s.stats.reset() }
