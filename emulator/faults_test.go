package emulator

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
)

// post sends one request over real HTTP and classifies what came back.
func post(t *testing.T, client *http.Client, url, body string) (outcome string, env envelope) {
	t.Helper()
	resp, err := client.Post(url, "application/json", strings.NewReader(body))
	if err != nil {
		return "dropped", envelope{}
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return "dropped", envelope{}
	}
	if resp.StatusCode == http.StatusBadGateway {
		return "502", envelope{HTTPStatus: resp.StatusCode}
	}
	env = decodeEnvelope(t, resp.StatusCode, data)
	return fmt.Sprint(env.ErrorCode), env
}

func TestFaultsWithFixedSeed(t *testing.T) {
	run := func() []string {
		h := newHarness(t, Options{Faults: 1, Seed: 7})
		srv := httptest.NewServer(h.s)
		defer srv.Close()
		url := srv.URL + servicePath("create_room") + "?" + h.query(DefaultAdmin)
		var outcomes []string
		for i := 0; i < 60; i++ {
			id := fmt.Sprintf("r%02d", i)
			outcome, _ := post(t, srv.Client(), url, jsonText(createBody(id, nil)))
			outcomes = append(outcomes, outcome)
			created := len(h.s.Rooms()) > 0 && h.s.Rooms()[len(h.s.Rooms())-1].RoomID == id
			if outcome == "100001" && created {
				t.Fatalf("request %d: answered 100001 but applied", i)
			}
		}
		st := h.s.Stats()
		count := func(o string) (n int64) {
			for _, x := range outcomes {
				if x == o {
					n++
				}
			}
			return n
		}
		k := st.FaultKinds
		if st.Faults != 60 || st.Total != 60 {
			t.Fatalf("stats %+v", st)
		}
		if count("100001") != k["internal_error_100001"] || st.ErrorCodes[100001] != k["internal_error_100001"] {
			t.Fatalf("100001 answers %d, stats %+v", count("100001"), st)
		}
		if count("502") != k["http_502"]+k["applied_then_http_502"] {
			t.Fatalf("502 answers %d, stats %+v", count("502"), st)
		}
		if count("dropped") != k["dropped_connection"]+k["applied_then_dropped_connection"] {
			t.Fatalf("dropped %d, stats %+v", count("dropped"), st)
		}
		if applied := k["applied_then_http_502"] + k["applied_then_dropped_connection"]; int64(len(h.s.Rooms())) != applied {
			t.Fatalf("%d rooms exist, %d requests were applied", len(h.s.Rooms()), applied)
		}
		for _, name := range faultNames[1:] {
			if k[name] == 0 {
				t.Fatalf("fault kind %s never drawn in 60 requests: %v", name, k)
			}
		}
		return outcomes
	}
	first, second := run(), run()
	if strings.Join(first, ",") != strings.Join(second, ",") {
		t.Fatalf("the same seed gave different faults:\n%v\n%v", first, second)
	}
}

// seedFor finds a seed whose first draw is the wanted fault.
func seedFor(t *testing.T, want fault) int64 {
	for seed := int64(1); seed < 10000; seed++ {
		if newFaultInjector(1, seed).pick() == want {
			return seed
		}
	}
	t.Fatalf("no seed draws %v first", want)
	return 0
}

// The lost-answer faults are what make a client prove idempotency: the create happened, the
// client saw a 502, its retry meets 100012 and later 100010.
func TestLostAnswerThenRetry(t *testing.T) {
	for _, f := range []fault{faultLostBadGateway, faultLostDrop} {
		t.Run(f.String(), func(t *testing.T) {
			h := newHarness(t, Options{Faults: 1, Seed: seedFor(t, f)})
			srv := httptest.NewServer(h.s)
			defer srv.Close()
			url := srv.URL + servicePath("create_room") + "?" + h.query(DefaultAdmin)
			outcome, _ := post(t, srv.Client(), url, jsonText(createBody("r1", nil)))
			if want := map[fault]string{faultLostBadGateway: "502", faultLostDrop: "dropped"}[f]; outcome != want {
				t.Fatalf("outcome %s, want %s", outcome, want)
			}
			if len(h.s.Rooms()) != 1 {
				t.Fatal("the lost-answer fault did not apply the create")
			}
			h.s.faults.setRate(0)
			h.call("create_room", createBody("r1", nil)).mustCode(t, livespec.CodeCreateTooFrequent)
			h.clock.Advance(time.Second)
			h.call("create_room", createBody("r1", nil)).mustCode(t, livespec.CodeRoomExistsSameOwner)
		})
	}
}

// Without a hijackable connection (an in-process recorder) a drop becomes a 502.
func TestDropFallsBackTo502InProcess(t *testing.T) {
	h := newHarness(t, Options{Faults: 1, Seed: seedFor(t, faultDrop)})
	if env := h.call("get_room_list", "{}"); env.HTTPStatus != http.StatusBadGateway {
		t.Fatalf("HTTP %d", env.HTTPStatus)
	}
}

func TestFaultFraction(t *testing.T) {
	h := newHarness(t, Options{Faults: 0.25, Seed: 99})
	for i := 0; i < 400; i++ {
		h.call("get_room_list", "{}")
	}
	// Every request either succeeded or was failed on purpose; about a quarter were.
	st := h.s.Stats()
	if st.Faults < 60 || st.Faults > 140 || st.ErrorCodes[0]+st.Faults != 400 {
		t.Fatalf("faults %d of 400: %+v", st.Faults, st)
	}
}

func TestIntrospectionNeverFaultsNorCounts(t *testing.T) {
	h := newHarness(t, Options{})
	h.createRoom("r1", nil)
	h.s.faults.setRate(1)
	h.s.opts.Latency = time.Hour // set before the server's goroutines start
	srv := httptest.NewServer(h.s)
	defer srv.Close()

	ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
	defer cancel()
	get := func(path string, v any) {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, srv.URL+path, nil)
		resp, err := srv.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("%s: HTTP %d", path, resp.StatusCode)
		}
		if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
			t.Fatal(err)
		}
	}
	var st Stats
	get("/_emulator/stats", &st)
	if st.Total != 1 || st.Commands["create_room"] != 1 || st.ErrorCodes[0] != 1 {
		t.Fatalf("stats %+v", st)
	}
	var rooms []Room
	get("/_emulator/rooms", &rooms)
	if len(rooms) != 1 || rooms[0].RoomID != "r1" || rooms[0].SeatTemplate != "VideoDynamicGrid9Seats" {
		t.Fatalf("rooms %+v", rooms)
	}
	var accounts []Account
	get("/_emulator/accounts", &accounts)
	if len(accounts) != 1 {
		t.Fatalf("accounts %+v", accounts)
	}

	resp, err := srv.Client().Post(srv.URL+"/_emulator/reset-stats", "", nil)
	if err != nil || resp.StatusCode != http.StatusNoContent {
		t.Fatalf("reset-stats: %v %v", err, resp)
	}
	resp.Body.Close()
	var reset Stats
	get("/_emulator/stats", &reset)
	if reset.Total != 0 || len(reset.Commands) != 0 {
		t.Fatalf("stats after reset %+v", reset)
	}
	for _, tc := range []struct {
		method, path string
		want         int
	}{
		{http.MethodPost, "/_emulator/stats", http.StatusMethodNotAllowed},
		{http.MethodGet, "/_emulator/reset-stats", http.StatusMethodNotAllowed},
		{http.MethodGet, "/_emulator/nothing", http.StatusNotFound},
	} {
		req, _ := http.NewRequestWithContext(ctx, tc.method, srv.URL+tc.path, nil)
		resp, err := srv.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != tc.want {
			t.Errorf("%s %s: HTTP %d, want %d", tc.method, tc.path, resp.StatusCode, tc.want)
		}
	}
}

func TestLatencyDelaysEveryRequest(t *testing.T) {
	h := newHarness(t, Options{Latency: 40 * time.Millisecond})
	start := time.Now()
	h.call("get_room_list", "{}").mustOK(t)
	h.call("nothing_here", "{}").mustCode(t, livespec.CodeUnknownCommand)
	if elapsed := time.Since(start); elapsed < 80*time.Millisecond {
		t.Fatalf("two requests took %v with 40ms latency each", elapsed)
	}
	// A client that gives up is not kept waiting.
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	req := httptest.NewRequestWithContext(ctx, http.MethodPost, servicePath("get_room_list")+"?"+h.query(DefaultAdmin), strings.NewReader("{}"))
	rec := httptest.NewRecorder()
	h.s.ServeHTTP(rec, req)
	if rec.Body.Len() != 0 {
		t.Fatalf("answered a canceled request: %s", rec.Body)
	}
}

func TestDocumentedRateLimits(t *testing.T) {
	h := newHarness(t, Options{QPS: DocumentedQPS})
	burst := func(command string, body any) (ok int) {
		for i := 0; i < 500; i++ {
			env := h.call(command, body)
			if env.ErrorCode == int(livespec.CodeRateLimited) {
				return ok
			}
			if env.ErrorCode != 0 {
				t.Fatalf("%s: code %d", command, env.ErrorCode)
			}
			ok++
		}
		return ok
	}
	if n := burst("get_room_list", "{}"); n != 10 {
		t.Fatalf("get_room_list allowed %d in one instant, want 10", n)
	}
	if n := burst("account_check", map[string]any{"CheckItem": []map[string]string{{"UserID": "a"}}}); n != 100 {
		t.Fatalf("account_check allowed %d, want 100", n)
	}
	// Buckets are per command: get_room_list being empty does not affect create_room.
	for i := 0; i < 200; i++ {
		h.call("create_room", createBody(fmt.Sprintf("r%03d", i), nil)).mustOK(t)
	}
	h.call("create_room", createBody("r-over", nil)).mustCode(t, livespec.CodeRateLimited)
	h.clock.Advance(100 * time.Millisecond) // refills one get_room_list token
	h.call("get_room_list", "{}").mustOK(t)
	h.call("get_room_list", "{}").mustCode(t, livespec.CodeRateLimited)
	if st := h.s.Stats(); st.RateRefused != 4 || st.ErrorCodes[int(livespec.CodeRateLimited)] != 4 || sumOf(st.RefusedBy) != 4 {
		t.Fatalf("RateRefused %d, 60007 answers %d", st.RateRefused, st.ErrorCodes[int(livespec.CodeRateLimited)])
	}

	off := newHarness(t, Options{QPS: NoRateLimits})
	for i := 0; i < 300; i++ {
		off.call("get_room_list", "{}").mustOK(t)
	}
}

func TestStatsCounts(t *testing.T) {
	h := newHarness(t, Options{})
	h.createRoom("r1", nil)
	h.call("get_room_info", map[string]any{"RoomId": "r1"}).mustOK(t)
	h.call("get_room_info", map[string]any{"RoomId": "r2"}).mustCode(t, livespec.CodeRoomNotFound)
	h.call("no_such", "{}").mustCode(t, livespec.CodeUnknownCommand)
	st := h.s.Stats()
	want := Stats{
		Total:      4,
		Commands:   map[string]int64{"create_room": 1, "get_room_info": 2, unknownCommand: 1},
		ErrorCodes: map[int]int64{0: 2, 100004: 1, 60009: 1},
		FaultKinds: map[string]int64{},
	}
	if fmt.Sprint(st) != fmt.Sprint(want) {
		t.Fatalf("stats\n got %+v\nwant %+v", st, want)
	}
	h.s.ResetStats()
	if st := h.s.Stats(); st.Total != 0 || len(st.ErrorCodes) != 0 {
		t.Fatalf("after reset %+v", st)
	}
}

// Concurrent clients on every command keep the state consistent (run with -race).
func TestConcurrentClients(t *testing.T) {
	h := newHarness(t, Options{StatePath: t.TempDir() + "/state.json", RoomTTL: time.Hour})
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ok := func(command string, body any) {
				if env := h.call(command, body); env.ErrorCode != 0 {
					t.Errorf("%s: code %d %s", command, env.ErrorCode, env.ErrorInfo)
				}
			}
			for i := 0; i < 40; i++ {
				id := fmt.Sprintf("g%d-%d", g, i)
				ok("account_import", map[string]any{"UserID": "u" + id})
				ok("create_room", createBody(id, map[string]any{"Owner_Account": "u" + id}))
				ok("set_room_metadata", map[string]any{"RoomId": id, "Metadata": metadataItems(2, 3, "k")})
				ok("modify_admin", adminBody(id, "add", DefaultAdmin))
				ok("add_robot", robotBody(id, "u"+id))
				ok("update_room_info", updateBody(id, map[string]any{"Notice": "n"}))
				ok("get_room_info", map[string]any{"RoomId": id})
				ok("get_room_list", map[string]any{"Count": 5})
				_ = h.s.SetViewCount(id, int64(i))
				if i%2 == 0 {
					ok("destroy_room", map[string]any{"RoomId": id})
				}
				h.clock.Advance(time.Millisecond)
			}
		}()
	}
	wg.Wait()
	if n := len(h.s.Rooms()); n != 8*20 {
		t.Fatalf("%d rooms, want 160", n)
	}
	if err := h.s.Close(); err != nil {
		t.Fatal(err)
	}
	reloaded, err := New(Options{StatePath: h.s.opts.StatePath, Now: h.clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	defer reloaded.Close()
	if len(reloaded.Rooms()) != 160 || len(reloaded.Accounts()) != 8*40+1 {
		t.Fatalf("reloaded %d rooms, %d accounts", len(reloaded.Rooms()), len(reloaded.Accounts()))
	}
}

func sumOf(m map[string]int64) (n int64) {
	for _, v := range m {
		n += v
	}
	return n
}
