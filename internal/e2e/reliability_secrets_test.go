package e2e

import (
	"crypto/rand"
	"encoding/hex"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/tencentlive/terraform-provider-tencentlive/emulator"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/sweep"
)

// testSecrets runs apply, a saved plan, show, a saved-plan apply, an apply that fails with an API
// error, and destroy, all with TF_LOG=TRACE and a fifth of the requests failing (so retries and
// error paths are logged too). Neither the secret key nor any UserSig may appear in the log, the
// state files, the saved plan (inside and as `terraform show` prints it), any output of any step,
// or the emulator's own output. TestReliabilityLeakDetector proves the scanner finds them.
func (r *reliability) testSecrets(t *testing.T) {
	key := randomKey(t)
	emu, emuOut := r.emulator(t, EmulatorOptions{Faults: 0.2, Seed: faultSeed(t), QPS: emulator.DocumentedQPS,
		Args: []string{"-secret-key", key, "-sensitive-words", "forbidden"}})
	env := emu.ProviderEnv() // the emulator's -env names the key it was given
	if !slices.Contains(env, "TENCENTLIVE_SECRET_KEY="+key) {
		t.Fatalf("the emulator's environment lacks its -secret-key: %d variables", len(env))
	}
	logPath := filepath.Join(t.TempDir(), "trace.log")
	trace := RunOptions{Env: []string{"TF_LOG=TRACE", "TF_LOG_PATH=" + logPath}}

	ws, err := NewWorkspace(t.TempDir(), r.bins, env)
	if err != nil {
		t.Fatal(err)
	}
	texts := map[string][]byte{}
	record := func(res *Result) *Result {
		texts[res.Step.Name+" stdout"] = []byte(res.Stdout)
		texts[res.Step.Name+" stderr"] = []byte(res.Stderr)
		return res
	}
	show := func(name string, args ...string) Step {
		return Step{Name: name, Args: append([]string{"show", "-no-color"}, args...)}
	}
	const n, prefix = 3, sweep.Prefix + "secret-"

	writeConfig(t, ws, roomsConfig(n, prefix, "v1"))
	record(mustSucceed(t, ws, Init(), trace))
	record(mustSucceed(t, ws, Apply(0), trace))
	writeConfig(t, ws, roomsConfig(n, prefix, "v2"))
	record(mustSucceed(t, ws, Step{Name: "plan -out", Args: []string{"plan", "-input=false", "-no-color", "-out=tfplan"}}, trace))
	record(mustSucceed(t, ws, show("show -json plan", "-json", "tfplan"), trace))
	record(mustSucceed(t, ws, show("show plan", "tfplan"), trace))
	planFile, err := os.ReadFile(filepath.Join(ws.Dir, "tfplan"))
	if err != nil {
		t.Fatal(err)
	}
	entries, err := zipEntries(planFile)
	if err != nil {
		t.Fatalf("saved plan: %v", err)
	}
	for name, body := range entries {
		texts["saved plan: "+name] = body
	}
	record(mustSucceed(t, ws, Step{Name: "apply saved plan", Args: []string{"apply", "-input=false", "-no-color", "tfplan"}}, trace))
	record(mustSucceed(t, ws, show("show -json state", "-json"), trace))

	// An error the service answers, to show a diagnostic with a vendor message and RequestId.
	writeConfig(t, ws, roomsConfig(n, prefix, "v2")+`
resource "tencentlive_room" "refused" {
  room_id       = "tf-acc-test-secret-refused"
  seat_template = "Karaoke"
  room_name     = "A forbidden name"
}
`)
	failed := record(runStep(t, ws, Apply(0).With("-target=tencentlive_room.refused"), trace))
	if failed.ExitCode != 1 || !strings.Contains(failed.Stderr, "100026") || !strings.Contains(failed.Stderr, "RequestId: Id-") {
		t.Fatalf("the refused room: exit %d, want 1 with a 100026 diagnostic:\n%s", failed.ExitCode, failed.Stderr)
	}
	writeConfig(t, ws, roomsConfig(n, prefix, "v2"))
	record(mustSucceed(t, ws, Destroy(0), trace))

	for _, name := range []string{"terraform.tfstate", "terraform.tfstate.backup", logPath} {
		path := name
		if !filepath.IsAbs(path) {
			path = filepath.Join(ws.Dir, name)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		texts[filepath.Base(name)] = data
	}
	texts["emulator output"] = []byte(emuOut.String())

	// The log must hold what it is searched for: the provider's requests, retries included.
	log := string(texts["trace.log"])
	for _, want := range []string{"[TRACE]", "tencentlive API request", "retrying tencentlive API request", "command=create_room", "command=destroy_room"} {
		if !strings.Contains(log, want) {
			t.Fatalf("the TRACE log (%d bytes) lacks %q", len(log), want)
		}
	}

	var findings []string
	var scanned, candidates int
	names := make([]string, 0, len(texts))
	for name := range texts {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		scan := scanForLeaks(name, texts[name], key)
		findings = append(findings, scan.Findings...)
		scanned += len(texts[name])
		candidates += scan.Candidates
	}
	if len(findings) > 0 {
		t.Fatalf("secrets leaked (%d findings):\n%s", len(findings), strings.Join(findings[:min(len(findings), 30)], "\n"))
	}
	figure(t, "TF_LOG=TRACE apply/plan -out/show/apply plan/failed apply/destroy with -faults 0.2: %d texts, %.1f MB scanned (trace log %.1f MB), %d runs of 60+ UserSig-alphabet characters tried as sigs; found 0 secret keys, 0 UserSigs, 0 unmasked usersig values",
		len(texts), float64(scanned)/1e6, float64(len(log))/1e6, candidates)
}

// randomKey is a fresh secret key, so no other text can contain it by chance.
func randomKey(t *testing.T) string {
	t.Helper()
	b := make([]byte, 20)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return "k" + hex.EncodeToString(b)
}
