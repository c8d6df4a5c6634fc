package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/tls"
	"crypto/x509"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/tencentlive/terraform-provider-tencentlive/emulator"
)

// syncBuffer lets the test read what run writes from another goroutine.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// start runs the command with args until the returned stop is called.
func start(t *testing.T, args ...string) (baseURL string, stderr *syncBuffer, stop func() error) {
	t.Helper()
	ctx, cancel := context.WithCancel(t.Context())
	outR, outW := io.Pipe()
	stderr = &syncBuffer{}
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, args, outW, stderr)
		outW.Close()
	}()
	line, err := bufio.NewReader(outR).ReadString('\n')
	if err != nil {
		cancel()
		t.Fatalf("no first line: %v (stderr: %s)", err, stderr)
	}
	m := regexp.MustCompile(`^listening on (https?://127\.0\.0\.1:\d+)\n$`).FindStringSubmatch(line)
	if m == nil {
		cancel()
		t.Fatalf("first line %q", line)
	}
	go func() { _, _ = io.Copy(io.Discard, outR) }()
	return m[1], stderr, func() error {
		cancel()
		select {
		case err := <-done:
			return err
		case <-time.After(10 * time.Second):
			t.Fatal("run did not return after cancelation")
			return nil
		}
	}
}

func call(t *testing.T, base, path, identifier, sig, body string) map[string]json.RawMessage {
	t.Helper()
	q := url.Values{"sdkappid": {"1400000123"}, "identifier": {identifier}, "usersig": {sig}, "random": {"7"}, "contenttype": {"json"}}
	resp, err := http.Post(base+path+"?"+q.Encode(), "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out map[string]json.RawMessage
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestRunServesAndKeepsState(t *testing.T) {
	state := filepath.Join(t.TempDir(), "state.json")
	args := []string{"-listen", "127.0.0.1:0", "-sdkappid", "1400000123", "-secret-key", "k-123-secret",
		"-admin", "ops,administrator", "-state", state, "-qps", "0", "-seat-cap", "30", "-sensitive-words", "casino, spam"}
	base, stderr, stop := start(t, args...)

	// A sig for the configured app and key, made the way a client would make it.
	signer, err := emulator.New(emulator.Options{SDKAppID: 1400000123, SecretKey: "k-123-secret"})
	if err != nil {
		t.Fatal(err)
	}
	sig := signer.UserSig("ops")
	body := `{"RoomInfo":{"RoomId":"cli-room","RoomType":"Live","SeatTemplate":"AudioSalon","MaxSeatCount":30}}`
	if got := call(t, base, "/v4/live_engine_http_srv/create_room", "ops", sig, body); string(got["ErrorCode"]) != "0" {
		t.Fatalf("create: %v", got)
	}
	bad := `{"RoomInfo":{"RoomId":"r2","RoomType":"Live","SeatTemplate":"AudioSalon","RoomName":"SPAM"}}`
	if got := call(t, base, "/v4/live_engine_http_srv/create_room", "ops", sig, bad); string(got["ErrorCode"]) != "100026" {
		t.Fatalf("sensitive word flag ignored: %v", got)
	}
	if got := call(t, base, "/v4/live_engine_http_srv/get_room_list", "ops", "garbage", "{}"); string(got["ErrorCode"]) != "70003" {
		t.Fatalf("garbage sig: %v", got)
	}
	if err := stop(); err != nil {
		t.Fatalf("run: %v", err)
	}
	for _, secret := range []string{"k-123-secret", sig} {
		if strings.Contains(stderr.String(), secret) {
			t.Fatal("a credential was logged")
		}
	}

	// Restart on the same state: the room is still there.
	base, _, stop = start(t, args...)
	defer func() { _ = stop() }()
	got := call(t, base, "/v4/live_engine_http_srv/get_room_info", "ops", sig, `{"RoomId":"cli-room"}`)
	var resp struct {
		RoomInfo struct {
			MaxSeatCount int
			Owner        string `json:"Owner_Account"`
		}
	}
	if err := json.Unmarshal(got["Response"], &resp); err != nil || resp.RoomInfo.MaxSeatCount != 30 || resp.RoomInfo.Owner != "ops" {
		t.Fatalf("after restart: %s (%v)", got["Response"], err)
	}
	data, err := os.ReadFile(state)
	if err != nil || !strings.Contains(string(data), "cli-room") {
		t.Fatalf("state file: %v %s", err, data)
	}
}

func TestFlags(t *testing.T) {
	opts, sf, err := parseFlags([]string{
		"-listen", ":9", "-latency", "25ms", "-faults", "0.1", "-room-ttl", "1h", "-omit-seat-template", "-legacy-forms",
		"-empty-room-ttl", "30m", "-omit-room-modes", "-admin-cap", "4",
		"-chat-groups", "g1,g2", "-member-cap", "50", "-no-package", "-account-delete-disabled", "-seed", "9",
		"-gift-quota", "40", "-gift-category-quota", "5", "-no-gift-info-list", "-shared-gift-rate-budget",
		"-gift-language-in-response", "-gift-icon-url-upper",
	}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	want := emulator.Options{
		SDKAppID: emulator.DefaultSDKAppID, SecretKey: emulator.DefaultSecretKey, Admins: []string{"administrator"},
		Latency: 25 * time.Millisecond, Faults: 0.1, QPS: emulator.DefaultQPS, RoomTTL: time.Hour, OmitSeatTemplate: true,
		EmptyRoomTTL: 30 * time.Minute, OmitRoomModes: true, AdminCap: 4,
		LegacyForms: true, ChatGroups: []string{"g1", "g2"}, SeatCap: emulator.DefaultSeatCap, MemberCap: 50,
		NoPackage: true, AccountDeleteDisabled: true, Seed: 9,
		GiftQuota: 40, GiftCategoryQuota: 5, NoGiftInfoList: true, SharedGiftRateBudget: true,
		GiftLanguageInResponse: true, GiftIconURLUpper: true,
	}
	if sf.listen != ":9" || !equalOptions(opts, want) {
		t.Fatalf("parsed %+v %q", opts, sf.listen)
	}
	for _, bad := range [][]string{{"-faults", "2"}, {"-seat-cap", "0"}, {"-admin-cap", "0"}, {"-gift-quota", "0"}, {"-gift-category-quota", "-1"}, {"-empty-room-ttl", "-1s"}, {"-nope"}, {"extra"}} {
		opts, _, err := parseFlags(bad, io.Discard)
		if err == nil {
			_, err = emulator.New(opts)
		}
		if err == nil {
			t.Errorf("%v accepted", bad)
		}
	}
}

// equalOptions compares options without a clock (reflect.DeepEqual treats nil funcs as equal).
func equalOptions(a, b emulator.Options) bool { return reflect.DeepEqual(a, b) }

// -tls-self-signed serves https and writes the certificate before the first line, so a client
// that trusts that file reaches it, by loopback address and by the -tls-hosts names.
func TestRunServesSelfSignedTLS(t *testing.T) {
	certFile := filepath.Join(t.TempDir(), "emulator.pem")
	base, _, stop := start(t, "-listen", "127.0.0.1:0", "-tls-self-signed", certFile, "-tls-hosts", "emulator,ci.example")
	defer func() { _ = stop() }()
	if !strings.HasPrefix(base, "https://") {
		t.Fatalf("first line names %s", base)
	}
	pemData, err := os.ReadFile(certFile)
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	if !pool.AppendCertsFromPEM(pemData) {
		t.Fatalf("%s holds no certificate", certFile)
	}
	for _, name := range []string{"", "localhost", "emulator", "ci.example"} {
		c := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: pool, ServerName: name, MinVersion: tls.VersionTLS12}}}
		resp, err := c.Get(base + "/_emulator/stats")
		if err != nil {
			t.Fatalf("server name %q: %v", name, err)
		}
		resp.Body.Close()
	}
	if resp, err := http.Get(base + "/_emulator/stats"); err == nil {
		resp.Body.Close()
		t.Fatal("a client without the certificate got through")
	}
}

func TestTLSFlags(t *testing.T) {
	dir := t.TempDir()
	for _, bad := range [][]string{
		{"-tls-cert", "c.pem"},
		{"-tls-key", "k.pem"},
		{"-tls-cert", "c.pem", "-tls-key", "k.pem", "-tls-self-signed", "s.pem"},
		{"-tls-hosts", "emulator"},
		{"-keyless-sdkappids", "abc"},
	} {
		if _, _, err := parseFlags(bad, io.Discard); err == nil {
			t.Errorf("%v accepted", bad)
		}
	}
	_, sf, err := parseFlags([]string{"-tls-cert", filepath.Join(dir, "missing.pem"), "-tls-key", filepath.Join(dir, "missing.key")}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sf.tlsConfig(); err == nil || !strings.Contains(err.Error(), "-tls-cert") {
		t.Errorf("missing certificate files: %v", err)
	}
	opts, _, err := parseFlags([]string{"-keyless-sdkappids", "1400000001, 20000"}, io.Discard)
	if err != nil || !reflect.DeepEqual(opts.KeylessSDKAppIDs, []uint64{1400000001, 20000}) {
		t.Errorf("-keyless-sdkappids: %v %v", opts.KeylessSDKAppIDs, err)
	}
}
