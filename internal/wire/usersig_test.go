package wire

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tencentyun/tls-sig-api-v2-golang/tencentyun"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
)

func TestRequestShape(t *testing.T) {
	api := newFakeAPI(t, nil, alwaysOK)
	c := newTestClient(t, api, newFakeClock(), func(cfg *Config) {
		cfg.Rand = func() uint32 { return 4294967295 }
		cfg.UserAgent = "tf-test/1.0"
	})
	if err := c.Call(context.Background(), livespec.ServiceLive, "get_room_list", nil, nil); err != nil {
		t.Fatal(err)
	}
	r := api.Requests()[0]
	if r.Method != http.MethodPost {
		t.Errorf("method = %s, want POST", r.Method)
	}
	if r.Path != "/v4/live_engine_http_srv/get_room_list" {
		t.Errorf("path = %s", r.Path)
	}
	if string(r.Body) != "{}" {
		t.Errorf("body = %q, want {} for a request without fields", r.Body)
	}
	if got := r.Header.Get("Content-Type"); got != "application/json" {
		t.Errorf("Content-Type = %q", got)
	}
	if got := r.Header.Get("User-Agent"); got != "tf-test/1.0" {
		t.Errorf("User-Agent = %q", got)
	}
	q := r.Query
	for key, want := range map[string]string{
		"sdkappid": strconv.Itoa(testAppID), "identifier": testAdmin, "random": "4294967295", "contenttype": "json",
	} {
		if q.Get(key) != want {
			t.Errorf("query %s = %q, want %q", key, q.Get(key), want)
		}
	}
	sig := q.Get("usersig")
	if sig == "" {
		t.Fatal("no usersig in the query")
	}
	// The sig alphabet has '*', which must travel escaped.
	if !strings.Contains(r.RawQuery, "usersig="+url.QueryEscape(sig)+"&") {
		t.Errorf("raw query %q does not carry the URL-encoded usersig", r.RawQuery)
	}
}

func TestRandomIsFreshPerRequest(t *testing.T) {
	api := newFakeAPI(t, nil, alwaysOK)
	c := newTestClient(t, api, newFakeClock(), nil) // default crypto/rand source
	seen := map[string]bool{}
	for range 5 {
		if err := c.DestroyRoom(context.Background(), "r"); err != nil {
			t.Fatal(err)
		}
	}
	for _, r := range api.Requests() {
		v := r.Query.Get("random")
		if _, err := strconv.ParseUint(v, 10, 32); err != nil {
			t.Errorf("random %q is not a uint32", v)
		}
		seen[v] = true
	}
	if len(seen) < 4 { // five crypto-random uint32s: a collision is a 1-in-a-billion event
		t.Errorf("random values repeat: %v", seen)
	}
}

func TestUserSigVerifiesWithTheOfficialLibrary(t *testing.T) {
	api := newFakeAPI(t, nil, alwaysOK)
	c := newTestClient(t, api, newFakeClock(), nil)
	if err := c.DestroyRoom(context.Background(), "r"); err != nil {
		t.Fatal(err)
	}
	sig := api.Requests()[0].Query.Get("usersig")
	now := time.Now()
	if err := tencentyun.VerifyUserSig(testAppID, testKey, testAdmin, sig, now); err != nil {
		t.Fatalf("VerifyUserSig rejects the sig: %v", err)
	}
	if err := tencentyun.VerifyUserSig(testAppID, testKey, testAdmin, sig, now.Add(UserSigLifetime-time.Minute)); err != nil {
		t.Errorf("sig should live %v: %v", UserSigLifetime, err)
	}
	for name, err := range map[string]error{
		"another key":        tencentyun.VerifyUserSig(testAppID, "another-key", testAdmin, sig, now),
		"another identifier": tencentyun.VerifyUserSig(testAppID, testKey, "someone", sig, now),
		"another sdkappid":   tencentyun.VerifyUserSig(testAppID+1, testKey, testAdmin, sig, now),
		"after its lifetime": tencentyun.VerifyUserSig(testAppID, testKey, testAdmin, sig, now.Add(UserSigLifetime+time.Minute)),
	} {
		if err == nil {
			t.Errorf("VerifyUserSig accepts the sig for %s", name)
		}
	}
}

func TestUserSigReusedUntilShortlyBeforeExpiry(t *testing.T) {
	clock := newFakeClock()
	api := newFakeAPI(t, clock, alwaysOK)
	c := newTestClient(t, api, clock, nil)
	signings := countSignings(c)
	call := func() {
		t.Helper()
		if err := c.DestroyRoom(context.Background(), "r"); err != nil {
			t.Fatal(err)
		}
	}

	call()
	call()
	clock.Advance(UserSigLifetime - UserSigRefreshMargin - time.Second)
	call()
	if n := signings(); n != 1 {
		t.Fatalf("signed %d sigs before the refresh point, want 1 reused", n)
	}
	reqs := api.Requests()
	if reqs[0].Query.Get("usersig") != reqs[2].Query.Get("usersig") {
		t.Error("the cached sig was not reused")
	}

	clock.Advance(time.Second) // now exactly at lifetime - margin
	call()
	call()
	if n := signings(); n != 2 {
		t.Fatalf("signed %d sigs, want a second one at the refresh point and then reuse", n)
	}
	if got := c.Stats().UserSigsSigned; got != 2 {
		t.Errorf("Stats.UserSigsSigned = %d, want 2", got)
	}
}

func TestUserSigRefreshedOnceOn70001(t *testing.T) {
	clock := newFakeClock()
	api := newFakeAPI(t, clock, func(n int, _ recorded, w http.ResponseWriter, _ *http.Request) {
		if n == 0 {
			writeFail(w, n, 70001, "usersig expired")
			return
		}
		writeOK(w, n, nil)
	})
	c := newTestClient(t, api, clock, func(cfg *Config) { cfg.MaxRetries = 0 })
	signings := countSignings(c)
	if err := c.DestroyRoom(context.Background(), "r"); err != nil {
		t.Fatalf("70001 then OK should succeed with a fresh sig even without retries: %v", err)
	}
	if n := len(api.Requests()); n != 2 {
		t.Errorf("%d requests, want 2", n)
	}
	if n := signings(); n != 2 {
		t.Errorf("%d sigs signed, want 2 (a new one after 70001)", n)
	}
	if len(clock.Sleeps()) != 0 {
		t.Errorf("a sig refresh needs no backoff, slept %v", clock.Sleeps())
	}
	if s := c.Stats(); s.Retries != 0 || s.ByCode[70001] != 1 {
		t.Errorf("stats: retries %d, 70001s %d", s.Retries, s.ByCode[70001])
	}
}

func TestUserSig70001TwiceIsReturned(t *testing.T) {
	api := newFakeAPI(t, nil, func(n int, _ recorded, w http.ResponseWriter, _ *http.Request) {
		writeFail(w, n, 70001, "usersig expired")
	})
	c := newTestClient(t, api, newFakeClock(), nil)
	err := c.DestroyRoom(context.Background(), "r")
	if CodeOf(err) != livespec.CodeSigExpired {
		t.Fatalf("err = %v, want code 70001", err)
	}
	if n := len(api.Requests()); n != 2 {
		t.Errorf("%d requests, want exactly one retry with a new sig", n)
	}
}

func TestSigCacheInvalidateIsPerGeneration(t *testing.T) {
	s := &sigCache{sdkAppID: testAppID, key: testKey, identifier: testAdmin, sign: tencentyun.GenUserSig}
	now := time.Now()
	_, gen, err := s.current(now)
	if err != nil {
		t.Fatal(err)
	}
	// Two callers saw generation 1 fail with 70001: only the first signs a new sig.
	if err := s.invalidate(gen, now); err != nil {
		t.Fatal(err)
	}
	if err := s.invalidate(gen, now); err != nil {
		t.Fatal(err)
	}
	if got := s.generation(); got != gen+1 {
		t.Errorf("generation = %d, want %d", got, gen+1)
	}
}

func TestSigCacheRenewsWhenClockGoesBack(t *testing.T) {
	s := &sigCache{sdkAppID: testAppID, key: testKey, identifier: testAdmin, sign: tencentyun.GenUserSig}
	now := time.Now()
	if _, _, err := s.current(now); err != nil {
		t.Fatal(err)
	}
	if _, gen, _ := s.current(now.Add(-time.Hour)); gen != 2 {
		t.Errorf("a clock that went back cannot vouch for the cached sig; generation = %d, want 2", gen)
	}
}
