package wire

import (
	"context"
	"errors"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
)

// failThenOK answers the first `fails` requests with fail and the rest with OK.
func failThenOK(fails int, fail func(n int, w http.ResponseWriter, r *http.Request)) func(int, recorded, http.ResponseWriter, *http.Request) {
	return func(n int, _ recorded, w http.ResponseWriter, r *http.Request) {
		if n < fails {
			fail(n, w, r)
			return
		}
		writeOK(w, n, nil)
	}
}

func failWith(code int) func(int, http.ResponseWriter, *http.Request) {
	return func(n int, w http.ResponseWriter, _ *http.Request) { writeFail(w, n, code, "transient") }
}

func TestRetriesTransientCodes(t *testing.T) {
	for _, code := range []livespec.Code{100001, 60007, 60011, 60018, 60019, 70169, 70202, 70500} {
		t.Run(code.String(), func(t *testing.T) {
			if code.Info().Retry != livespec.RetryBackoff {
				t.Fatalf("livespec classes %d as %v", code, code.Info().Retry)
			}
			clock := newFakeClock()
			api := newFakeAPI(t, clock, failThenOK(2, failWith(int(code))))
			c := newTestClient(t, api, clock, nil)
			if err := c.DestroyRoom(context.Background(), "r"); err != nil {
				t.Fatalf("not retried to success: %v", err)
			}
			if n := len(api.Requests()); n != 3 {
				t.Errorf("%d requests, want 3", n)
			}
			if s := c.Stats(); s.Retries != 2 || s.ByCode[code] != 2 || s.ByCode[0] != 1 {
				t.Errorf("stats: %+v", s)
			}
			// A refusal (60007, 60011) also halves the command's pace, so the limiter may wait
			// once more after a short backoff; every other code waits exactly its two backoffs.
			sleeps := len(clock.Sleeps())
			if refusal := code == livespec.CodeRateLimited || code == livespec.CodeAppRateLimited; sleeps < 2 || sleeps > 2 && !refusal || sleeps > 4 {
				t.Errorf("backoff waits %v, want 2 (up to 4 after a refusal)", clock.Sleeps())
			}
		})
	}
}

func TestDoesNotRetryPermanentCodes(t *testing.T) {
	for _, code := range []livespec.Code{100002, 100004, 100003, 100010, 70107, 60010, 70009} {
		t.Run(code.String(), func(t *testing.T) {
			api := newFakeAPI(t, nil, failThenOK(100, failWith(int(code))))
			c := newTestClient(t, api, newFakeClock(), nil)
			err := c.DestroyRoom(context.Background(), "r")
			if CodeOf(err) != code {
				t.Fatalf("err = %v", err)
			}
			if n := len(api.Requests()); n != 1 {
				t.Errorf("%d requests, want 1", n)
			}
		})
	}
}

func TestSameRoomCreateWaitsASecond(t *testing.T) {
	clock := newFakeClock()
	api := newFakeAPI(t, clock, failThenOK(1, failWith(100012)))
	// Jitter 0: any wait comes from the 100012 rule, not from backoff.
	c := newTestClient(t, api, clock, func(cfg *Config) { cfg.Rand = func() uint32 { return 0 } })
	if err := c.CreateRoom(context.Background(), RoomInfo{RoomID: "r"}); err != nil {
		t.Fatal(err)
	}
	reqs := api.Requests()
	if len(reqs) != 2 {
		t.Fatalf("%d requests, want 2", len(reqs))
	}
	if gap := reqs[1].At.Sub(reqs[0].At); gap < time.Second {
		t.Errorf("retried 100012 after %v, want >= 1s", gap)
	}
}

func TestMaxRetriesRespected(t *testing.T) {
	for _, tt := range []struct {
		configured, requests int
	}{{3, 4}, {0, 1}, {8, 9}} {
		api := newFakeAPI(t, nil, failThenOK(100, failWith(100001)))
		c := newTestClient(t, api, newFakeClock(), func(cfg *Config) { cfg.MaxRetries = tt.configured })
		err := c.DestroyRoom(context.Background(), "r")
		var e *Error
		if !errors.As(err, &e) || e.Code != 100001 || e.Attempts != tt.requests {
			t.Errorf("MaxRetries %d: err = %v", tt.configured, err)
		}
		if n := len(api.Requests()); n != tt.requests {
			t.Errorf("MaxRetries %d: %d requests, want %d", tt.configured, n, tt.requests)
		}
		if s := c.Stats(); s.Retries != int64(tt.requests-1) || s.ByCommand["destroy_room"].Failures != int64(tt.requests) {
			t.Errorf("MaxRetries %d: stats %+v", tt.configured, s)
		}
	}
}

// Without a count, retries go on until the retry window is spent; each wait is the usual backoff.
func TestRetriesAreBoundedByTimeWhenUncounted(t *testing.T) {
	clock := newFakeClock()
	api := newFakeAPI(t, clock, failThenOK(1000, failWith(100001)))
	c := newTestClient(t, api, clock, func(cfg *Config) {
		cfg.RetryWindow = 30 * time.Second
		cfg.Rand = func() uint32 { return 1<<32 - 1 } // waits 0.1, 0.2, 0.4, 0.8, 1.6, 3.2, then 5 s
	})
	err := c.DestroyRoom(context.Background(), "r")
	// 6.3 s of doubling waits, then 5 s waits: four fit in 30 s, a fifth would end at 31.3 s.
	const want = 1 + 6 + 4
	var e *Error
	if !errors.As(err, &e) || e.Code != 100001 || e.Attempts != want {
		t.Fatalf("err = %v, want 100001 after %d attempts", err, want)
	}
	if waited := clock.Slept(); waited > 30*time.Second {
		t.Errorf("waited %v in a 30 s window", waited)
	}
}

// A call whose context has a deadline retries until the next wait would pass it, then reports
// the deadline with the last failure, without sleeping into it.
func TestRetriesEndBeforeTheDeadline(t *testing.T) {
	clock := newFakeClock()
	api := newFakeAPI(t, clock, failThenOK(1000, failWith(100001)))
	c := newTestClient(t, api, clock, func(cfg *Config) {
		cfg.RetryWindow = time.Hour
		cfg.Rand = func() uint32 { return 1<<32 - 1 } // waits 0.1, 0.2, 0.4 s
	})
	ctx, cancel := context.WithTimeout(context.Background(), 350*time.Millisecond)
	defer cancel()
	err := c.DestroyRoom(ctx, "r")
	if !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), "100001") {
		t.Fatalf("err = %v, want the deadline with the last 100001", err)
	}
	if n := len(api.Requests()); n != 3 {
		t.Errorf("%d requests, want 3 (the 0.4 s wait would pass the deadline)", n)
	}
	if ctx.Err() != nil {
		t.Errorf("the call slept until its deadline")
	}
}

func TestBackoffIsCappedExponentialWithFullJitter(t *testing.T) {
	c := offlineClient(t)
	c.cfg.Rand = func() uint32 { return 1<<32 - 1 } // top of the jitter range
	wantMillis := []int64{100, 200, 400, 800, 1600, 3200, 5000, 5000}
	for n, ms := range wantMillis {
		got := c.backoff(n)
		w := time.Duration(ms) * time.Millisecond
		if got > w || got < w-time.Millisecond {
			t.Errorf("backoff(%d) = %v, want just under %v", n, got, w)
		}
	}
	if got := c.backoff(1000); got > backoffCap {
		t.Errorf("backoff(1000) = %v exceeds the cap", got)
	}
	c.cfg.Rand = func() uint32 { return 0 }
	if got := c.backoff(5); got != 0 {
		t.Errorf("full jitter starts at 0, got %v", got)
	}
	c.cfg.Rand = func() uint32 { return 1 << 31 }
	if got := c.backoff(2); got != 200*time.Millisecond {
		t.Errorf("half-way jitter of 400ms = %v", got)
	}
}

func TestBackoffWaitsUseTheJitter(t *testing.T) {
	clock := newFakeClock()
	api := newFakeAPI(t, clock, failThenOK(100, failWith(60007)))
	c := newTestClient(t, api, clock, func(cfg *Config) {
		cfg.MaxRetries = 3
		cfg.Rand = func() uint32 { return 1 << 31 }
	})
	_ = c.DestroyRoom(context.Background(), "r")
	want := []time.Duration{50 * time.Millisecond, 100 * time.Millisecond, 200 * time.Millisecond}
	got := clock.Sleeps()
	if len(got) != len(want) {
		t.Fatalf("sleeps %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("sleeps %v, want %v", got, want)
		}
	}
}

func TestCancelEndsBackoffWait(t *testing.T) {
	clock := newFakeClock()
	sleeping := clock.BlockSleeps()
	api := newFakeAPI(t, nil, failThenOK(100, failWith(100001)))
	c := newTestClient(t, api, clock, nil)

	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- c.DestroyRoom(ctx, "r") }()
	select {
	case <-sleeping: // the call is in its backoff wait
	case err := <-done:
		t.Fatalf("the call ended without a backoff wait: %v", err)
	}
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("err = %v, want context.Canceled", err)
		}
		if !strings.Contains(err.Error(), "100001") {
			t.Errorf("err = %q, want the last failure mentioned", err)
		}
	case <-time.After(10 * time.Second): // a guard against a hang, not a timing assertion
		t.Fatal("Call did not return after its context was canceled")
	}
	if n := len(api.Requests()); n != 1 {
		t.Errorf("%d requests after cancel, want 1", n)
	}
}

func TestCancelEndsLimiterWait(t *testing.T) {
	clock := newFakeClock()
	api := newFakeAPI(t, nil, alwaysOK)
	c := newTestClient(t, api, clock, nil)
	// get_room_list's burst passes at once; the call after it must wait.
	_, burst := CommandLimit("get_room_list", 0)
	for range burst {
		if _, err := c.GetRoomList(context.Background(), "", 1); err != nil {
			t.Fatal(err)
		}
	}
	sleeping := clock.BlockSleeps()

	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { _, err := c.GetRoomList(ctx, "", 1); done <- err }()
	select {
	case d := <-sleeping:
		if d <= 0 {
			t.Errorf("limiter wait %v", d)
		}
	case err := <-done:
		t.Fatalf("the second call did not wait for the limiter: %v", err)
	}
	cancel()
	select {
	case err := <-done:
		if !errors.Is(err, context.Canceled) {
			t.Errorf("err = %v, want context.Canceled", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Call did not return after its context was canceled")
	}
	if n := len(api.Requests()); n != burst {
		t.Errorf("%d requests, want %d", n, burst)
	}
}

func TestCanceledContextSendsNothing(t *testing.T) {
	api := newFakeAPI(t, nil, alwaysOK)
	c := newTestClient(t, api, newFakeClock(), nil)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := c.DestroyRoom(ctx, "r"); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v", err)
	}
	if n := len(api.Requests()); n != 0 {
		t.Errorf("%d requests sent with a canceled context", n)
	}
}

func TestSystemClockSleepEndsOnCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	go cancel()
	if err := (SystemClock{}).Sleep(ctx, time.Hour); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v", err)
	}
	if err := (SystemClock{}).Sleep(context.Background(), 0); err != nil {
		t.Errorf("zero sleep: %v", err)
	}
}

func TestRetriesHTTP502(t *testing.T) {
	api := newFakeAPI(t, nil, failThenOK(1, func(n int, w http.ResponseWriter, _ *http.Request) {
		w.WriteHeader(http.StatusBadGateway)
		_, _ = w.Write([]byte("<html>502 Bad Gateway</html>"))
	}))
	c := newTestClient(t, api, newFakeClock(), nil)
	if err := c.DestroyRoom(context.Background(), "r"); err != nil {
		t.Fatal(err)
	}
	if n := len(api.Requests()); n != 2 {
		t.Errorf("%d requests, want 2", n)
	}

	api = newFakeAPI(t, nil, failThenOK(100, func(n int, w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusBadGateway) }))
	c = newTestClient(t, api, newFakeClock(), func(cfg *Config) { cfg.MaxRetries = 1 })
	err := c.DestroyRoom(context.Background(), "r")
	var e *Error
	if !errors.As(err, &e) || e.HTTPStatus != 502 || CodeOf(err) != 0 || !strings.Contains(err.Error(), "HTTP 502") {
		t.Errorf("err = %v", err)
	}
}

func TestRetriesDroppedConnection(t *testing.T) {
	api := newFakeAPI(t, nil, failThenOK(1, func(n int, w http.ResponseWriter, _ *http.Request) {
		conn, _, err := http.NewResponseController(w).Hijack()
		if err != nil {
			panic(err)
		}
		conn.Close() // no answer at all: the client reads EOF
	}))
	c := newTestClient(t, api, newFakeClock(), nil)
	if err := c.DestroyRoom(context.Background(), "r"); err != nil {
		t.Fatal(err)
	}
	if s := c.Stats(); s.Requests != 2 || s.ConnectionErrors != 1 || s.Retries != 1 {
		t.Errorf("stats %+v", s)
	}
}

func TestRetriesTruncatedBody(t *testing.T) {
	api := newFakeAPI(t, nil, failThenOK(1, func(n int, w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Length", "100")
		_, _ = w.Write([]byte(`{"ActionStatus":`))
	}))
	c := newTestClient(t, api, newFakeClock(), nil)
	if err := c.DestroyRoom(context.Background(), "r"); err != nil {
		t.Fatal(err)
	}
	if n := len(api.Requests()); n != 2 {
		t.Errorf("%d requests, want 2", n)
	}
}

func TestRetriesRefusedConnection(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close() // nothing listens there now
	c, err := New(Config{SDKAppID: testAppID, SecretKey: testKey, Identifier: testAdmin, BaseURL: "http://" + addr,
		Clock: newFakeClock(), MaxRetries: 2})
	if err != nil {
		t.Fatal(err)
	}
	err = c.DestroyRoom(context.Background(), "r")
	var ce *ConnectionError
	if !errors.As(err, &ce) || ce.Attempts != 3 {
		t.Fatalf("err = %v, want a ConnectionError after 3 attempts", err)
	}
	if s := c.Stats(); s.Requests != 3 || s.ConnectionErrors != 3 {
		t.Errorf("stats %+v", s)
	}
}

func TestPerAttemptTimeout(t *testing.T) {
	api := newFakeAPI(t, nil, failThenOK(1, func(n int, w http.ResponseWriter, r *http.Request) {
		<-r.Context().Done() // never answers; ends when the client gives up
	}))
	c := newTestClient(t, api, newFakeClock(), func(cfg *Config) { cfg.RequestTimeout = 50 * time.Millisecond })
	if err := c.DestroyRoom(context.Background(), "r"); err != nil {
		t.Fatalf("a timed-out attempt should be retried: %v", err)
	}
	if n := len(api.Requests()); n != 2 {
		t.Errorf("%d requests, want 2", n)
	}

	api = newFakeAPI(t, nil, failThenOK(100, func(n int, w http.ResponseWriter, r *http.Request) { <-r.Context().Done() }))
	c = newTestClient(t, api, newFakeClock(), func(cfg *Config) { cfg.RequestTimeout = 50 * time.Millisecond; cfg.MaxRetries = 0 })
	err := c.DestroyRoom(context.Background(), "r")
	if !errors.Is(err, context.DeadlineExceeded) || !strings.Contains(err.Error(), "no answer within 50ms") {
		t.Errorf("err = %v", err)
	}
}

func TestUntrustedCertificateIsNotRetried(t *testing.T) {
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { writeOK(w, 0, nil) }))
	srv.Config.ErrorLog = log.New(io.Discard, "", 0) // the refused handshake is the point
	srv.StartTLS()
	defer srv.Close()
	c, err := New(Config{SDKAppID: testAppID, SecretKey: testKey, Identifier: testAdmin, BaseURL: srv.URL, Clock: newFakeClock()})
	if err != nil {
		t.Fatal(err)
	}
	err = c.DestroyRoom(context.Background(), "r")
	var ce *ConnectionError
	if !errors.As(err, &ce) || !strings.Contains(err.Error(), "certificate") {
		t.Fatalf("err = %v", err)
	}
	if s := c.Stats(); s.Requests != 1 {
		t.Errorf("%d requests, a bad certificate must not be retried", s.Requests)
	}
}

func TestOversizeResponseRefused(t *testing.T) {
	big := `{"ActionStatus":"OK","ErrorCode":0,"Response":{"Pad":"` + strings.Repeat("a", MaxResponseBytes) + `"}}`
	for _, declared := range []bool{false, true} {
		api := newFakeAPI(t, nil, func(n int, _ recorded, w http.ResponseWriter, _ *http.Request) {
			if declared {
				w.Header().Set("Content-Length", strconv.Itoa(len(big)))
			} else {
				_ = http.NewResponseController(w).Flush() // chunked: the size shows only while reading
			}
			_, _ = w.Write([]byte(big))
		})
		c := newTestClient(t, api, newFakeClock(), nil)
		err := c.Call(context.Background(), livespec.ServiceLive, "get_room_info", nil, &struct{ Pad string }{})
		if !errors.Is(err, ErrResponseTooLarge) {
			t.Errorf("Content-Length declared %v: err = %v", declared, err)
		}
		if n := len(api.Requests()); n != 1 {
			t.Errorf("%d requests, an oversize answer is not retried", n)
		}
	}
}

func TestGarbledBodyIsAnErrorNotARetry(t *testing.T) {
	api := newFakeAPI(t, nil, func(n int, _ recorded, w http.ResponseWriter, _ *http.Request) {
		_, _ = w.Write([]byte("<html>Welcome to nginx</html>"))
	})
	c := newTestClient(t, api, newFakeClock(), nil)
	err := c.DestroyRoom(context.Background(), "r")
	if !errors.Is(err, ErrMalformedResponse) || !strings.Contains(err.Error(), "nginx") {
		t.Errorf("err = %v", err)
	}
	if n := len(api.Requests()); n != 1 {
		t.Errorf("%d requests", n)
	}
}

// An error says whether an earlier attempt went unanswered (and so may have taken effect).
func TestErrorSaysWhetherAnEarlierAttemptWentUnanswered(t *testing.T) {
	for _, tc := range []struct {
		name  string
		first func(w http.ResponseWriter, n int)
		want  bool
	}{
		{"a gateway error first", func(w http.ResponseWriter, _ int) { http.Error(w, "bad gateway", http.StatusBadGateway) }, true},
		{"a vendor refusal first", func(w http.ResponseWriter, n int) { writeFail(w, n, int(livespec.CodeRateLimited), "too fast") }, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			clock := newFakeClock()
			api := newFakeAPI(t, clock, func(n int, _ recorded, w http.ResponseWriter, _ *http.Request) {
				if n == 0 {
					tc.first(w, n)
					return
				}
				writeFail(w, n, int(livespec.CodeRoomExistsSameOwner), "exists")
			})
			c := newTestClient(t, api, clock, nil)
			err := c.CreateRoom(context.Background(), RoomInfo{RoomID: "r"})
			var e *Error
			if !errors.As(err, &e) || e.Code != livespec.CodeRoomExistsSameOwner || e.Attempts != 2 {
				t.Fatalf("err = %v, want 100010 after 2 attempts", err)
			}
			if e.UnansweredBefore != tc.want {
				t.Errorf("UnansweredBefore = %v, want %v", e.UnansweredBefore, tc.want)
			}
		})
	}
}
