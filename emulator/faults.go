package emulator

import (
	"math"
	"math/rand/v2"
	"net/http"
	"sync"
	"sync/atomic"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
)

// fault is one way of failing a request the way a real network and gateway do.
type fault int

const (
	noFault fault = iota
	// Failures before the request is applied: a retry is always safe.
	faultInternalError // envelope with 100001
	faultBadGateway    // HTTP 502 from the "gateway"
	faultDrop          // connection closed without an answer
	// The request is applied, then its answer is lost: a retry must cope with what the first
	// attempt did (a retried create meets 100012, then 100010).
	faultLostBadGateway
	faultLostDrop
	faultKinds
)

var faultNames = [...]string{
	noFault:             "none",
	faultInternalError:  "internal_error_100001",
	faultBadGateway:     "http_502",
	faultDrop:           "dropped_connection",
	faultLostBadGateway: "applied_then_http_502",
	faultLostDrop:       "applied_then_dropped_connection",
}

func (f fault) String() string { return faultNames[f] }

// before reports whether the fault answers without applying the request.
func (f fault) before() bool {
	return f == faultInternalError || f == faultBadGateway || f == faultDrop
}

// faultInjector draws faults from a seedable RNG, so a test with a fixed seed sees a fixed
// sequence of failures.
type faultInjector struct {
	rateBits atomic.Uint64 // float64 bits; read without the lock on every request
	mu       sync.Mutex
	rng      *rand.Rand
}

func newFaultInjector(rate float64, seed int64) *faultInjector {
	if seed == 0 {
		seed = rand.Int64()
	}
	f := &faultInjector{rng: rand.New(rand.NewPCG(uint64(seed), 0x9e3779b97f4a7c15))}
	f.setRate(rate)
	return f
}

func (f *faultInjector) setRate(rate float64) { f.rateBits.Store(math.Float64bits(rate)) }

func (f *faultInjector) pick() fault {
	rate := math.Float64frombits(f.rateBits.Load())
	if rate <= 0 {
		return noFault
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.rng.Float64() >= rate {
		return noFault
	}
	return fault(1 + f.rng.IntN(int(faultKinds)-1))
}

// answerFault writes the failure. Dropping needs a hijackable connection; where there is none
// (an in-process recorder) the gateway's 502 stands in for it.
func (s *Server) answerFault(w http.ResponseWriter, f fault) {
	switch f {
	case faultInternalError:
		body := encodeEnvelope(s.ids.next(), result{}, fail(livespec.CodeInternal, "internal server error, please retry"))
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.WriteHeader(http.StatusOK)
		_, _ = w.Write(body)
		return
	case faultDrop, faultLostDrop:
		if hj, ok := w.(http.Hijacker); ok {
			if conn, _, err := hj.Hijack(); err == nil {
				_ = conn.Close()
				return
			}
		}
	}
	w.Header().Set("Content-Type", "text/html")
	w.WriteHeader(http.StatusBadGateway)
	_, _ = w.Write([]byte("<html><body><h1>502 Bad Gateway</h1></body></html>\n"))
}
