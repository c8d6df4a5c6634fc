package main

import (
	"context"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tencentlive/terraform-provider-tencentlive/emulator"
)

// With -env, stdout holds only the client's environment and then ends, while the emulator goes
// on serving at the endpoint it names; -env-file gets the same lines.
func TestRunEnvPrintsTheClientEnvironmentAndClosesStdout(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	envFile := filepath.Join(t.TempDir(), "emulator.env")
	outR, outW := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, []string{"-listen", "127.0.0.1:0", "-env", "-env-file", envFile,
			"-sdkappid", "1400000123", "-secret-key", "a key", "-admin", "ops,other"}, outW, io.Discard)
	}()
	stdout, err := io.ReadAll(outR) // returns only when run closes stdout
	if err != nil {
		t.Fatal(err)
	}
	env, err := emulator.ReadExports(strings.NewReader(string(stdout)))
	if err != nil {
		t.Fatalf("stdout %q: %v", stdout, err)
	}
	endpoint, _ := strings.CutPrefix(env[0], "TENCENTLIVE_ENDPOINT=")
	want := []string{"TENCENTLIVE_ENDPOINT=" + endpoint, "TENCENTLIVE_SDK_APP_ID=1400000123",
		"TENCENTLIVE_SECRET_KEY=a key", "TENCENTLIVE_IDENTIFIER=ops",
		"TENCENTLIVE_EMULATOR_PID=" + strconv.Itoa(os.Getpid())}
	if !strings.HasPrefix(endpoint, "http://127.0.0.1:") || !slices.Equal(env, want) {
		t.Fatalf("env = %q, want %q", env, want)
	}
	if file, err := os.ReadFile(envFile); err != nil || string(file) != string(stdout) {
		t.Fatalf("-env-file holds %q (%v), want %q", file, err, stdout)
	}
	resp, err := http.Get(endpoint + "/_emulator/rooms")
	if err != nil {
		t.Fatalf("the emulator stopped serving after closing stdout: %v", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET /_emulator/rooms: %s", resp.Status)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("run did not return after cancelation")
	}
}
