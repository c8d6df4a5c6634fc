package wire

import (
	"context"
	"crypto/x509"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// A refused connection ends the call after maxRefusedAttempts, although retries are bounded by time.
func TestRefusedConnectionEndsAfterFewAttempts(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	base := "http://" + l.Addr().String()
	l.Close() // nothing listens there now
	clock := newFakeClock()
	c, err := New(Config{SDKAppID: testAppID, SecretKey: testKey, Identifier: testAdmin, BaseURL: base, Clock: clock, MaxRetries: RetryUntilDeadline})
	if err != nil {
		t.Fatal(err)
	}
	err = c.DestroyRoom(context.Background(), "r")
	var ce *ConnectionError
	if !errors.As(err, &ce) || ce.Reason != ConnectionRefused || ce.Attempts != maxRefusedAttempts || ce.Endpoint != base {
		t.Fatalf("err = %#v, want a refused ConnectionError after %d attempts at %s", err, maxRefusedAttempts, base)
	}
	if s := c.Stats(); s.Requests != maxRefusedAttempts {
		t.Errorf("%d requests, want %d", s.Requests, maxRefusedAttempts)
	}
	if waited := clock.Slept(); waited > 300*time.Millisecond {
		t.Errorf("backoff %v in front of a refused connection", waited)
	}
}

// An endpoint that accepts requests and never answers ends the call after maxNoAnswerAttempts
// timeouts; a timeout followed by an answer is still retried (TestPerAttemptTimeout).
func TestNoAnswerEndsAfterTwoTimeouts(t *testing.T) {
	api := newFakeAPI(t, nil, func(_ int, _ recorded, _ http.ResponseWriter, r *http.Request) { <-r.Context().Done() })
	c := newTestClient(t, api, newFakeClock(), func(cfg *Config) { cfg.RequestTimeout = 50 * time.Millisecond })
	err := c.DestroyRoom(context.Background(), "r")
	var ce *ConnectionError
	if !errors.As(err, &ce) || ce.Reason != NoAnswer || ce.Endpoint != api.URL {
		t.Fatalf("err = %#v, want a no-answer ConnectionError", err)
	}
	if n := len(api.Requests()); n != maxNoAnswerAttempts {
		t.Errorf("%d requests, want %d", n, maxNoAnswerAttempts)
	}
	if !strings.Contains(err.Error(), "no answer within 50ms (2 attempts)") {
		t.Errorf("err = %v", err)
	}
}

// Dropped connections keep the full retry budget: they are the usual transient failure.
func TestDroppedConnectionsKeepTheRetryBudget(t *testing.T) {
	api := newFakeAPI(t, nil, failThenOK(5, func(n int, w http.ResponseWriter, _ *http.Request) {
		conn, _, err := http.NewResponseController(w).Hijack()
		if err != nil {
			panic(err)
		}
		conn.Close()
	}))
	c := newTestClient(t, api, newFakeClock(), nil)
	if err := c.DestroyRoom(context.Background(), "r"); err != nil {
		t.Fatal(err)
	}
	if n := len(api.Requests()); n != 6 {
		t.Errorf("%d requests, want 6", n)
	}
}

// A vendor error records the endpoint it came from, for the region hint of 70016/70020.
func TestErrorNamesTheEndpoint(t *testing.T) {
	api := newFakeAPI(t, nil, func(n int, _ recorded, w http.ResponseWriter, _ *http.Request) {
		writeFail(w, n, 70020, "sdkappid not found")
	})
	c := newTestClient(t, api, newFakeClock(), nil)
	err := c.DestroyRoom(context.Background(), "r")
	var e *Error
	if !errors.As(err, &e) || e.Endpoint != api.URL || e.Code != 70020 {
		t.Fatalf("err = %#v", err)
	}
}

func TestAllowPlainHTTP(t *testing.T) {
	cfg := Config{SDKAppID: testAppID, SecretKey: testKey, Identifier: testAdmin, BaseURL: "http://emulator:8080"}
	if _, err := New(cfg); err == nil || !strings.Contains(err.Error(), "AllowPlainHTTP") {
		t.Fatalf("plain http off loopback: %v", err)
	}
	cfg.AllowPlainHTTP = true
	if _, err := New(cfg); err != nil {
		t.Fatal(err)
	}
}

// RootCAs lets the default transport trust a server the system does not know.
func TestRootCAs(t *testing.T) {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { writeOK(w, 0, nil) }))
	defer srv.Close()
	pool := x509.NewCertPool()
	pool.AddCert(srv.Certificate())
	c, err := New(Config{SDKAppID: testAppID, SecretKey: testKey, Identifier: testAdmin, BaseURL: srv.URL, Clock: newFakeClock(), RootCAs: pool})
	if err != nil {
		t.Fatal(err)
	}
	if err := c.DestroyRoom(context.Background(), "r"); err != nil {
		t.Fatal(err)
	}
}
