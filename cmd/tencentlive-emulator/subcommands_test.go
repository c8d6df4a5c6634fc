package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The health subcommand passes against a serving emulator and fails against anything else that
// speaks HTTP, which an HTTP-200-to-everything probe could not tell apart.
func TestHealthSubcommand(t *testing.T) {
	base, _, stop := start(t, "-listen", "127.0.0.1:0")
	defer func() { _ = stop() }()
	var out bytes.Buffer
	if err := run(t.Context(), []string{"health", base}, &out, io.Discard); err != nil || out.String() != "ok\n" {
		t.Fatalf("health %s: %v, printed %q", base, err, out.String())
	}
	resp, err := http.Post(base+"/healthz", "text/plain", nil)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST /healthz: %s, want 405", resp.Status)
	}

	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { _, _ = w.Write([]byte(`{"ErrorCode":0}`)) }))
	defer other.Close()
	err = run(t.Context(), []string{"health", other.URL}, io.Discard, io.Discard)
	if err == nil || !strings.Contains(err.Error(), "not serving") {
		t.Errorf("health of a non-emulator: %v, want not serving", err)
	}
	other.Close()
	if err := run(t.Context(), []string{"health", "-timeout", "1s", other.URL}, io.Discard, io.Discard); err == nil {
		t.Error("health of a closed port passed")
	}
}

// A UserSig printed by the subcommand is accepted by an emulator with the same key, and the key
// comes from the environment.
func TestUserSigSubcommand(t *testing.T) {
	t.Setenv("TENCENTLIVE_SECRET_KEY", "k-123-secret")
	t.Setenv("TENCENTLIVE_SDK_APP_ID", "1400000123")
	base, _, stop := start(t, "-listen", "127.0.0.1:0", "-sdkappid", "1400000123", "-secret-key", "k-123-secret", "-admin", "ops", "-qps", "0")
	defer func() { _ = stop() }()
	var out bytes.Buffer
	if err := run(context.Background(), []string{"usersig", "-user", "ops"}, &out, io.Discard); err != nil {
		t.Fatal(err)
	}
	sig := strings.TrimSuffix(out.String(), "\n")
	if sig == "" || strings.Contains(sig, "\n") {
		t.Fatalf("printed %q, want one line", out.String())
	}
	if got := call(t, base, "/v4/live_engine_http_srv/get_room_list", "ops", sig, "{}"); string(got["ErrorCode"]) != "0" {
		t.Fatalf("get_room_list with the printed sig: %v", got)
	}

	t.Setenv("TENCENTLIVE_SECRET_KEY", "another-key")
	out.Reset()
	if err := run(context.Background(), []string{"usersig", "-user", "ops"}, &out, io.Discard); err != nil {
		t.Fatal(err)
	}
	if got := call(t, base, "/v4/live_engine_http_srv/get_room_list", "ops", strings.TrimSpace(out.String()), "{}"); string(got["ErrorCode"]) == "0" {
		t.Fatal("a sig signed with another key was accepted: the key did not come from the environment")
	}
	t.Setenv("TENCENTLIVE_SDK_APP_ID", "not-a-number")
	if err := run(context.Background(), []string{"usersig"}, io.Discard, io.Discard); err == nil || !strings.Contains(err.Error(), "TENCENTLIVE_SDK_APP_ID") {
		t.Errorf("bad TENCENTLIVE_SDK_APP_ID: %v", err)
	}
}

// -seed-file loads rooms before the emulator listens, and a bad file stops it at start with the
// line and the field.
func TestSeedFileFlag(t *testing.T) {
	seed := filepath.Join("..", "..", "examples", "ci", "seed.json")
	base, stderr, stop := start(t, "-listen", "127.0.0.1:0", "-seed-file", seed)
	resp, err := http.Get(base + "/_emulator/rooms")
	if err != nil {
		t.Fatal(err)
	}
	rooms, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(rooms), `"RoomId": "ci-lobby"`) {
		t.Errorf("rooms after -seed-file: %s", rooms)
	}
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stderr.String(), "seeded 3 accounts, 1 rooms") {
		t.Errorf("stderr: %s", stderr)
	}

	bad := filepath.Join(t.TempDir(), "bad.json")
	if err := os.WriteFile(bad, []byte("{\n  \"accounts\": [\n    {\"UserId\": \"x\"}\n  ]\n}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	err = run(t.Context(), []string{"-listen", "127.0.0.1:0", "-seed-file", bad}, io.Discard, io.Discard)
	if err == nil || !strings.Contains(err.Error(), bad+":3: accounts[0].UserId: unknown field") {
		t.Fatalf("bad seed: %v", err)
	}
}
