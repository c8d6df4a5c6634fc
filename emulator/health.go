package emulator

import "net/http"

// HealthPath answers 200 "ok" for a readiness probe (a CI service's health check, the image's
// HEALTHCHECK). Every other path answers the vendor's envelope with HTTP 200, even for an
// unknown command, so a probe of those could not tell a serving emulator from anything else
// that speaks HTTP.
const HealthPath = "/healthz"

// HealthBody is what HealthPath answers.
const HealthBody = "ok\n"

func serveHealth(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	_, _ = w.Write([]byte(HealthBody))
}
