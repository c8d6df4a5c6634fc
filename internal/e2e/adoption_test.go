package e2e

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tencentlive/terraform-provider-tencentlive/emulator"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/acctest"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/release"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

// The first hour of a team that already has rooms and hosts: import blocks, generated
// configuration and bulk import, through the real CLI (Terraform, or OpenTofu under
// make testacc-tofu) against the emulator process.

// adoptionHeader names the provider by its full address, which both CLIs resolve to the
// workspace's mirror.
const adoptionHeader = `terraform {
  required_providers {
    tencentlive = { source = "` + release.Address + `" }
  }
}

provider "tencentlive" {}
`

// adoptionSetup starts an emulator and a workspace against it, and returns a client for
// making rooms and accounts behind Terraform's back.
func adoptionSetup(t *testing.T) (*Emulator, *Workspace, *wire.Client) {
	t.Helper()
	return adoptionSetupWith(t, EmulatorOptions{QPS: emulator.DocumentedQPS})
}

// adoptionSetupWith is adoptionSetup with an emulator started with opts.
func adoptionSetupWith(t *testing.T, opts EmulatorOptions) (*Emulator, *Workspace, *wire.Client) {
	t.Helper()
	requireAcc(t)
	repo, err := RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	bins, err := Build(context.Background(), repo, filepath.Join(t.TempDir(), "bin"))
	if err != nil {
		t.Fatal(err)
	}
	emu, err := StartEmulator(context.Background(), bins.Emulator, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(emu.Stop)
	ws, err := NewWorkspace(t.TempDir(), bins, emu.ProviderEnv())
	if err != nil {
		t.Fatal(err)
	}
	c, err := wire.New(wire.Config{SDKAppID: emulator.DefaultSDKAppID, SecretKey: emulator.DefaultSecretKey,
		Identifier: emulator.DefaultAdmin, BaseURL: emu.URL, MaxRetries: wire.RetryUntilDeadline})
	if err != nil {
		t.Fatal(err)
	}
	return emu, ws, c
}

// run runs the CLI with args in ws and returns its exit code and output.
func run(t *testing.T, ws *Workspace, args ...string) (int, string) {
	t.Helper()
	res, err := ws.Run(context.Background(), Step{Name: strings.Join(args[:1], " "), Args: append(args, "-no-color")})
	if err != nil {
		t.Fatal(err)
	}
	return res.ExitCode, res.Stdout + res.Stderr
}

// mustExit runs the CLI and fails unless it exits with want.
func mustExit(t *testing.T, ws *Workspace, want int, args ...string) string {
	t.Helper()
	code, out := run(t, ws, args...)
	if code != want {
		t.Fatalf("%s exited %d, want %d:\n%s", strings.Join(args, " "), code, want, tail(out, 6000))
	}
	return out
}

// Import blocks for a room of every seat template and for two accounts (one the hosts' app
// made, one with a profile), `plan -generate-config-out`, apply, then an empty plan: the
// generated configuration is accepted as it is, and no imported account is armed for deletion.
func TestAccAdoptionGeneratedConfig(t *testing.T) {
	emu, ws, c := adoptionSetup(t)
	ctx := context.Background()
	var imports strings.Builder
	for i, name := range livespec.SeatTemplateNames() {
		id := acctest.RoomID(fmt.Sprintf("gc-%d-%s", i, strings.ToLower(name)))
		if err := c.CreateRoom(ctx, wire.RoomInfo{RoomID: id, SeatTemplate: &name}); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&imports, "import {\n  to = tencentlive_room.r%d\n  id = %q\n}\n", i, id)
	}
	plain, profile := acctest.AccountUserID("gc-plain"), acctest.AccountUserID("gc-profile")
	for i, acc := range []wire.Account{{UserID: plain}, {UserID: profile, Nick: "Anna"}} {
		if err := c.ImportAccount(ctx, acc); err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&imports, "import {\n  to = tencentlive_account.a%d\n  id = %q\n}\n", i, acc.UserID)
	}
	if err := ws.WriteConfig(adoptionHeader + imports.String()); err != nil {
		t.Fatal(err)
	}
	mustExit(t, ws, 0, "init", "-input=false")
	mustExit(t, ws, 0, "plan", "-input=false", "-generate-config-out=generated.tf")
	generated, err := os.ReadFile(filepath.Join(ws.Dir, "generated.tf"))
	if err != nil {
		t.Fatal(err)
	}
	for _, unwanted := range []string{"delete_on_destroy = true", "create_time", "  id "} {
		if strings.Contains(string(generated), unwanted) {
			t.Fatalf("generated.tf writes %q:\n%s", unwanted, generated)
		}
	}
	mustExit(t, ws, 0, "apply", "-input=false", "-auto-approve")
	mustExit(t, ws, 0, "plan", "-input=false", "-detailed-exitcode")

	// Removing the imported accounts from the configuration deletes none of them.
	var keep []string
	for _, block := range strings.Split(string(generated), "\n\n") {
		if !strings.Contains(block, `resource "tencentlive_account"`) {
			keep = append(keep, block)
		}
	}
	if err := os.WriteFile(filepath.Join(ws.Dir, "generated.tf"), []byte(strings.Join(keep, "\n\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := ws.WriteConfig(adoptionHeader); err != nil {
		t.Fatal(err)
	}
	mustExit(t, ws, 0, "apply", "-input=false", "-auto-approve")
	statuses, err := c.CheckAccounts(ctx, []string{plain, profile})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range statuses {
		if !s.Imported {
			t.Fatalf("account %s was deleted when its imported resource left the configuration", s.UserID)
		}
	}
	if stats := emu.mustStats(t); stats.Commands["account_delete"] != 0 {
		t.Fatalf("account_delete sent %d times", stats.Commands["account_delete"])
	}
}

// Bulk adoption, as examples/adopt-existing-rooms (the guide's example) does it: import blocks
// with for_each over the tencentlive_rooms list, feeding a for_each resource whose values come
// from the tencentlive_room data source; 200 public rooms and one private room (not listed by
// get_room_list, so named by hand), then an empty plan.
func TestAccAdoptionBulkImport(t *testing.T) {
	_, ws, c := adoptionSetup(t)
	if !supportsImportForEach(t, ws.Terraform) {
		t.Skipf("%s has no for_each in import blocks (Terraform 1.7, OpenTofu 1.7)", ws.Terraform)
	}
	const n = 200
	ctx := context.Background()
	prefix := acctest.RoomID("bulk") + "-"
	for i := 0; i < n; i++ {
		name := fmt.Sprintf("Legacy room %d", i)
		if err := c.CreateRoom(ctx, wire.RoomInfo{RoomID: fmt.Sprintf("%s%03d", prefix, i), SeatTemplate: ptr("VideoDynamicGrid9Seats"), RoomName: &name}); err != nil {
			t.Fatal(err)
		}
	}
	private := false
	if err := c.CreateRoom(ctx, wire.RoomInfo{RoomID: prefix + "private", SeatTemplate: ptr("Karaoke"), IsPublicVisible: &private}); err != nil {
		t.Fatal(err)
	}
	// What an application sets beyond the room: kept by the example, so the plan stays empty.
	admin, robot := acctest.AccountUserID("bulk-admin"), acctest.AccountUserID("bulk-robot")
	for _, id := range []string{admin, robot} {
		if err := c.ImportAccount(ctx, wire.Account{UserID: id}); err != nil {
			t.Fatal(err)
		}
	}
	for i := 0; i < n; i += 40 {
		id := fmt.Sprintf("%s%03d", prefix, i)
		if err := c.SetRoomMetadata(ctx, id, map[string]string{"theme": "dark"}); err != nil {
			t.Fatal(err)
		}
		if err := c.AddAdmins(ctx, id, []string{admin}); err != nil {
			t.Fatal(err)
		}
		if err := c.AddRobots(ctx, id, []string{robot}); err != nil {
			t.Fatal(err)
		}
	}
	// The guide's own example, as users copy it (its source spelled out for both CLIs).
	repo, err := RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	example, err := os.ReadFile(filepath.Join(repo, "examples", "adopt-existing-rooms", "main.tf"))
	if err != nil {
		t.Fatal(err)
	}
	if err := ws.WriteConfig(strings.Replace(string(example), `"tencentlive/tencentlive"`, `"`+release.Address+`"`, 1)); err != nil {
		t.Fatal(err)
	}
	vars := []string{"-var", "room_id_prefix=" + prefix, "-var", fmt.Sprintf(`private_room_ids=[%q]`, prefix+"private")}
	mustExit(t, ws, 0, "init", "-input=false")
	out := mustExit(t, ws, 0, append([]string{"apply", "-input=false", "-auto-approve", "-parallelism=50"}, vars...)...)
	if want := fmt.Sprintf("Resources: %d imported, 0 added, 0 changed, 0 destroyed.", n+1); !strings.Contains(out, want) {
		t.Fatalf("apply output lacks %q:\n%s", want, tail(out, 3000))
	}
	mustExit(t, ws, 0, append([]string{"plan", "-input=false", "-detailed-exitcode", "-parallelism=50"}, vars...)...)

	// Protecting the adopted rooms changes only Terraform's setting, and then no destroy plan
	// may dismiss them.
	protect := append(vars, "-var", "protect_adopted_rooms=true")
	out = mustExit(t, ws, 0, append([]string{"apply", "-input=false", "-auto-approve", "-parallelism=50"}, protect...)...)
	if want := fmt.Sprintf("Resources: 0 added, %d changed, 0 destroyed.", n+1); !strings.Contains(out, want) {
		t.Fatalf("apply output lacks %q:\n%s", want, tail(out, 3000))
	}
	out = mustExit(t, ws, 1, append([]string{"plan", "-destroy", "-input=false", "-parallelism=50"}, protect...)...)
	if !strings.Contains(out, "Live room is protected from deletion") {
		t.Fatalf("destroy plan of protected rooms:\n%s", tail(out, 3000))
	}
}

// supportsImportForEach reports whether the CLI is Terraform or OpenTofu 1.7 or later.
func supportsImportForEach(t *testing.T, cli string) bool {
	t.Helper()
	out, err := exec.Command(cli, "version").Output()
	if err != nil {
		t.Fatal(err)
	}
	var major, minor int
	first := strings.SplitN(string(out), "\n", 2)[0] // "Terraform v1.11.4" / "OpenTofu v1.12.6"
	if _, err := fmt.Sscanf(first[strings.Index(first, "v")+1:], "%d.%d", &major, &minor); err != nil {
		t.Fatalf("version %q: %v", first, err)
	}
	return major > 1 || minor >= 7
}

func ptr[T any](v T) *T { return &v }

func (e *Emulator) mustStats(t *testing.T) Stats {
	t.Helper()
	s, err := e.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return s
}
