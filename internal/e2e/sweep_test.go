package e2e

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tencentlive/terraform-provider-tencentlive/emulator"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/sweep"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/sweep/sweeptest"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

// The sweepers as CI and a developer run them: `go test ./internal/provider -sweep=REGION`
// against the emulator process, after test objects were left behind beside the application's
// own. Exactly the test objects must be gone; a bad region or missing credentials fail saying so.
func TestAccSweepersAgainstTheEmulator(t *testing.T) {
	requireAcc(t)
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	repo, err := RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	bin, err := BuildEmulator(ctx, repo, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	emu, err := StartEmulator(ctx, bin, EmulatorOptions{QPS: emulator.DocumentedQPS})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(emu.Stop)
	c, err := wire.New(wire.Config{SDKAppID: emulator.DefaultSDKAppID, SecretKey: emulator.DefaultSecretKey,
		Identifier: emulator.DefaultAdmin, BaseURL: emu.URL, MaxRetries: wire.RetryUntilDeadline})
	if err != nil {
		t.Fatal(err)
	}
	record := filepath.Join(t.TempDir(), "names")
	left, err := sweeptest.Leave(ctx, c, record)
	if err != nil {
		t.Fatal(err)
	}

	env := append(os.Environ(), emu.ProviderEnv()...)
	env = append(env, sweep.EnvRecord+"="+record)
	sweepRun := func(env []string, region string) (string, error) {
		cmd := exec.CommandContext(ctx, "go", "test", "-count=1", "-run", "^$", "./internal/provider", "-sweep="+region)
		cmd.Dir, cmd.Env = repo, env
		out, err := cmd.CombinedOutput()
		return string(out), err
	}

	t.Run("unknown region", func(t *testing.T) {
		out, err := sweepRun(env, "mars")
		if err == nil || !strings.Contains(out, `-sweep="mars" is not a region of the provider; use one of china, frankfurt, jakarta, mumbai, seoul, singapore, tokyo, usa`) {
			t.Fatalf("err %v; output:\n%s", err, out)
		}
	})
	t.Run("no credentials", func(t *testing.T) {
		var without []string
		for _, kv := range env {
			if !strings.HasPrefix(kv, "TENCENTLIVE_SDK_APP_ID=") {
				without = append(without, kv)
			}
		}
		out, err := sweepRun(without, "singapore")
		if err == nil || !strings.Contains(out, "TENCENTLIVE_SDK_APP_ID is not set") {
			t.Fatalf("err %v; output:\n%s", err, out)
		}
	})
	if err := sweeptest.Check(ctx, c, sweeptest.Left{App: append(left.App, left.Prefixed...)}); err != nil {
		t.Fatalf("the failed runs deleted something: %v", err)
	}

	out, err := sweepRun(env, "singapore")
	if err != nil {
		t.Fatalf("go test -sweep=singapore: %v\n%s", err, out)
	}
	if err := sweeptest.Check(ctx, c, left); err != nil {
		t.Fatalf("after the sweep:\n%v\nsweep output:\n%s", err, out)
	}
	t.Logf("swept %d test objects, kept the application's %d", len(left.Prefixed), len(left.App))
}
