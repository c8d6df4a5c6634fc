package wire

import (
	"errors"
	"maps"
	"sync"
	"time"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
)

// Stats counts what a Client did, for benchmarks and reports.
type Stats struct {
	Calls            int64 // Call invocations, typed methods included
	Requests         int64 // HTTP requests sent: attempts, retries included
	Retries          int64 // backoff retries (UserSig refreshes not included)
	ConnectionErrors int64 // attempts that got no complete answer
	UserSigsSigned   int64
	LimiterWaits     int64         // requests the client-side limiter held back
	LimiterWaited    time.Duration // their total wait, by the Client's clock
	NotIdle          int64         // optional (WhenIdle) calls not sent: no free slot
	PaceCuts         int64         // rate refusals (60007, 60011; 100012 for gift configuration) that slowed a command's pace
	ByCommand        map[string]CommandStats
	ByCode           map[livespec.Code]int64 // envelope ErrorCodes seen, 0 = success
	ByHTTPStatus     map[int]int64
}

// CommandStats is Stats for one command.
type CommandStats struct {
	Calls    int64
	Requests int64
	Retries  int64
	Failures int64         // attempts that did not succeed
	NotIdle  int64         // optional calls not sent
	PaceCuts int64         // refusals that slowed this command's pace
	Latency  time.Duration // total wall time of all attempts
}

type statsRecorder struct {
	mu sync.Mutex
	s  Stats
}

func newStatsRecorder() *statsRecorder {
	return &statsRecorder{s: Stats{
		ByCommand:    map[string]CommandStats{},
		ByCode:       map[livespec.Code]int64{},
		ByHTTPStatus: map[int]int64{},
	}}
}

func (r *statsRecorder) update(command string, f func(s *Stats, cs *CommandStats)) {
	r.mu.Lock()
	defer r.mu.Unlock()
	cs := r.s.ByCommand[command]
	f(&r.s, &cs)
	if command != "" {
		r.s.ByCommand[command] = cs
	}
}

func (r *statsRecorder) call(command string) {
	r.update(command, func(s *Stats, cs *CommandStats) { s.Calls++; cs.Calls++ })
}

func (r *statsRecorder) notIdle(command string) {
	r.update(command, func(s *Stats, cs *CommandStats) { s.NotIdle++; cs.NotIdle++ })
}

func (r *statsRecorder) retry(command string) {
	r.update(command, func(s *Stats, cs *CommandStats) { s.Retries++; cs.Retries++ })
}

func (r *statsRecorder) paceCut(command string) {
	r.update(command, func(s *Stats, cs *CommandStats) { s.PaceCuts++; cs.PaceCuts++ })
}

func (r *statsRecorder) limiterWait(d time.Duration) {
	if d <= 0 {
		return
	}
	r.update("", func(s *Stats, _ *CommandStats) { s.LimiterWaits++; s.LimiterWaited += d })
}

func (r *statsRecorder) attempt(command string, out outcome, elapsed time.Duration) {
	r.update(command, func(s *Stats, cs *CommandStats) {
		s.Requests++
		cs.Requests++
		cs.Latency += elapsed
		if out.err != nil {
			cs.Failures++
		}
		var connErr *ConnectionError
		if errors.As(out.err, &connErr) {
			s.ConnectionErrors++
		}
		if out.status != 0 {
			s.ByHTTPStatus[out.status]++
		}
		if out.enveloped {
			s.ByCode[out.code]++
		}
	})
}

// Stats returns a snapshot of the counters.
func (c *Client) Stats() Stats {
	c.stats.mu.Lock()
	s := c.stats.s
	s.ByCommand = maps.Clone(s.ByCommand)
	s.ByCode = maps.Clone(s.ByCode)
	s.ByHTTPStatus = maps.Clone(s.ByHTTPStatus)
	c.stats.mu.Unlock()
	s.UserSigsSigned = int64(c.sigs.generation())
	return s
}
