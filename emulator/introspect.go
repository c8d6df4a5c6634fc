package emulator

import (
	"encoding/json"
	"errors"
	"io"
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
	case route == "messages" && r.Method == http.MethodGet:
		s.serveMessages(w, r)
	case route == "gifts" && r.Method == http.MethodGet:
		writeJSON(w, s.Gifts())
	case route == "gift-switch" && r.Method == http.MethodPost:
		s.serveGiftSwitch(w, r)
	case route == "reset-stats" && r.Method == http.MethodPost:
		s.ResetStats()
		w.WriteHeader(http.StatusNoContent)
	case (route == "enter" || route == "leave") && r.Method == http.MethodPost:
		s.serveMemberMove(w, r, route)
	case route == "seed" && r.Method == http.MethodPost:
		s.serveSeed(w, r)
	case route == "stats" || route == "rooms" || route == "accounts" || route == "messages" ||
		route == "reset-stats" || route == "enter" || route == "leave" || route == "seed" || route == "gifts" || route == "gift-switch":
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

// serveMemberMove answers POST /_emulator/enter and /_emulator/leave with a body
// {"RoomId":"…","UserID":"…"}: 204 when done, 404 for an unknown room, 400 otherwise.
func (s *Server) serveMemberMove(w http.ResponseWriter, r *http.Request, route string) {
	var body struct {
		RoomID string `json:"RoomId"`
		UserID string `json:"UserID"`
	}
	if err := json.NewDecoder(io.LimitReader(r.Body, MaxBodyBytes)).Decode(&body); err != nil || body.RoomID == "" || body.UserID == "" {
		http.Error(w, `the body must be {"RoomId":"…","UserID":"…"}`, http.StatusBadRequest)
		return
	}
	move := s.Enter
	if route == "leave" {
		move = s.Leave
	}
	switch err := move(body.RoomID, body.UserID); {
	case err == nil:
		w.WriteHeader(http.StatusNoContent)
	case errors.Is(err, ErrNoSuchRoom):
		http.Error(w, err.Error(), http.StatusNotFound)
	default:
		http.Error(w, err.Error(), http.StatusBadRequest)
	}
}

// serveGiftSwitch answers POST /_emulator/gift-switch with a body
// {"RoomId":"…","IsGiftEnabled":false}: 204 when done, 404 for an unknown room, 400 otherwise.
func (s *Server) serveGiftSwitch(w http.ResponseWriter, r *http.Request) {
	var body struct {
		RoomID  string `json:"RoomId"`
		Enabled *bool  `json:"IsGiftEnabled"`
	}
	if err := json.NewDecoder(io.LimitReader(r.Body, MaxBodyBytes)).Decode(&body); err != nil || body.RoomID == "" || body.Enabled == nil {
		http.Error(w, `the body must be {"RoomId":"…","IsGiftEnabled":true|false}`, http.StatusBadRequest)
		return
	}
	if err := s.SetGiftEnabled(body.RoomID, *body.Enabled); err != nil {
		http.Error(w, err.Error(), http.StatusNotFound)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
