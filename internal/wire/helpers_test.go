package wire

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync"
	"testing"
	"time"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/testclock"
)

const (
	testAppID = 1400000001
	testKey   = "test-secret-key-0123456789abcdef-do-not-leak"
	testAdmin = "administrator"
)

// newFakeClock is the client tests' clock: a Sleep returns at once, the time having moved on.
func newFakeClock() *testclock.Stepping {
	return testclock.NewStepping(time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC))
}

// recorded is one request the fake API received.
type recorded struct {
	Method   string
	Path     string
	RawQuery string
	Query    url.Values
	Header   http.Header
	Body     []byte
	At       time.Time // by the fake clock
}

// fakeAPI is an httptest server whose answers a test scripts by request number (0-based).
type fakeAPI struct {
	*httptest.Server
	clock *testclock.Stepping
	reply func(n int, req recorded, w http.ResponseWriter, r *http.Request)

	mu   sync.Mutex
	reqs []recorded
}

func newFakeAPI(t testing.TB, clock *testclock.Stepping, reply func(n int, req recorded, w http.ResponseWriter, r *http.Request)) *fakeAPI {
	t.Helper()
	api := &fakeAPI{clock: clock, reply: reply}
	api.Server = httptest.NewServer(http.HandlerFunc(api.serve))
	t.Cleanup(api.Close)
	return api
}

func (a *fakeAPI) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	rec := recorded{Method: r.Method, Path: r.URL.Path, RawQuery: r.URL.RawQuery, Query: r.URL.Query(), Header: r.Header.Clone(), Body: body}
	if a.clock != nil {
		rec.At = a.clock.Now()
	}
	a.mu.Lock()
	n := len(a.reqs)
	a.reqs = append(a.reqs, rec)
	a.mu.Unlock()
	a.reply(n, rec, w, r)
}

func (a *fakeAPI) Requests() []recorded {
	a.mu.Lock()
	defer a.mu.Unlock()
	return append([]recorded(nil), a.reqs...)
}

func requestID(n int) string { return fmt.Sprintf("Id-%032x-O-Seq-%d", n+1, n+1) }

// writeOK answers the envelope of a success; response (if not nil) goes under "Response".
func writeOK(w http.ResponseWriter, n int, response any) {
	env := map[string]any{"ActionStatus": "OK", "ErrorCode": 0, "ErrorInfo": "", "RequestId": requestID(n)}
	if response != nil {
		env["Response"] = response
	}
	writeJSON(w, env)
}

func writeFail(w http.ResponseWriter, n int, code int, info string) {
	writeJSON(w, map[string]any{"ActionStatus": "FAIL", "ErrorCode": code, "ErrorInfo": info, "RequestId": requestID(n)})
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}

// always answers every request with OK and no payload.
func alwaysOK(n int, _ recorded, w http.ResponseWriter, _ *http.Request) { writeOK(w, n, nil) }

// newTestClient returns a Client for api with the fake clock, adjusted by mod.
func newTestClient(t testing.TB, api *fakeAPI, clock *testclock.Stepping, mod func(*Config)) *Client {
	t.Helper()
	cfg := Config{
		MaxRetries: RetryUntilDeadline,
		SDKAppID:   testAppID,
		SecretKey:  testKey,
		Identifier: testAdmin,
		BaseURL:    api.URL,
		Clock:      clock,
		HTTPClient: api.Client(),
	}
	if mod != nil {
		mod(&cfg)
	}
	c, err := New(cfg)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return c
}

// countSignings wraps the Client's signer and reports how many sigs it signed.
func countSignings(c *Client) func() int {
	var mu sync.Mutex
	n := 0
	inner := c.sigs.sign
	c.sigs.sign = func(sdkappid int, key, userid string, expire int) (string, error) {
		mu.Lock()
		n++
		mu.Unlock()
		return inner(sdkappid, key, userid, expire)
	}
	return func() int {
		mu.Lock()
		defer mu.Unlock()
		return n
	}
}

func jsonEqual(t testing.TB, got []byte, want string) {
	t.Helper()
	var g, w any
	if err := json.Unmarshal(got, &g); err != nil {
		t.Fatalf("body %q is not JSON: %v", got, err)
	}
	if err := json.Unmarshal([]byte(want), &w); err != nil {
		t.Fatalf("want %q is not JSON: %v", want, err)
	}
	gb, _ := json.Marshal(g)
	wb, _ := json.Marshal(w)
	if string(gb) != string(wb) {
		t.Errorf("body = %s, want %s", gb, wb)
	}
}
