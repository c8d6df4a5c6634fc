package emulator

import (
	"encoding/json"
	"net/http"
)

// introspectionPrefix serves the emulator's own endpoints, for tests and benchmarks that run it
// out of process. They never see latency or faults and are not counted in Stats.
const introspectionPrefix = "/_emulator/"

func (s *Server) serveIntrospection(w http.ResponseWriter, r *http.Request) {
	route := r.URL.Path[len(introspectionPrefix):]
	switch {
	case route == "stats" && r.Method == http.MethodGet:
		writeJSON(w, s.Stats())
	case route == "rooms" && r.Method == http.MethodGet:
		writeJSON(w, s.Rooms())
	case route == "accounts" && r.Method == http.MethodGet:
		writeJSON(w, s.Accounts())
	case route == "reset-stats" && r.Method == http.MethodPost:
		s.ResetStats()
		w.WriteHeader(http.StatusNoContent)
	case route == "stats" || route == "rooms" || route == "accounts" || route == "reset-stats":
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
	default:
		http.NotFound(w, r)
	}
}

func writeJSON(w http.ResponseWriter, v any) {
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_, _ = w.Write(append(data, '\n'))
}
