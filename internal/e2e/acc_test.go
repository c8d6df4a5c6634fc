package e2e

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tencentlive/terraform-provider-tencentlive/emulator"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/acctest"
)

// These tests run the real CLI and, for rooms, the provider against the emulator, so they are
// gated by TF_ACC like the provider's acceptance tests (make testacc sets it).
func requireAcc(t *testing.T) {
	t.Helper()
	if os.Getenv("TF_ACC") == "" {
		t.Skip("set TF_ACC=1 to run the CLI end to end")
	}
}

func mustRun(t *testing.T, ws *Workspace, s Step, want string) *Result {
	t.Helper()
	res, err := ws.Run(context.Background(), s)
	if err != nil {
		t.Fatal(err)
	}
	if err := res.Err(); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(res.Stdout, want) {
		t.Fatalf("%s output lacks %q:\n%s", s.Name, want, res.Stdout)
	}
	return res
}

func TestAccTerraformData(t *testing.T) {
	requireAcc(t)
	repo, err := RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	tf, err := FindTerraform(context.Background(), repo)
	if err != nil {
		t.Fatal(err)
	}
	ws, err := NewWorkspace(t.TempDir(), Binaries{Terraform: tf}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := ws.WriteConfig(TerraformDataHCL(5, "d-")); err != nil {
		t.Fatal(err)
	}
	mustRun(t, ws, Init(), "initialized")
	mustRun(t, ws, Plan(2), "Plan: 5 to add, 0 to change, 0 to destroy.")
	res := mustRun(t, ws, Apply(2), "Apply complete! Resources: 5 added")
	if res.Usage.CLIPeakRSS == 0 || res.Usage.ProviderProcesses != 0 {
		t.Fatalf("Usage = %+v; want the CLI's peak and no provider process (terraform_data is built in)", res.Usage)
	}
	mustRun(t, ws, RefreshPlan(2), "No changes.")
	mustRun(t, ws, Destroy(2), "Destroy complete! Resources: 5 destroyed.")
}

func TestAccRoomsAgainstEmulator(t *testing.T) {
	requireAcc(t)
	ctx := context.Background()
	repo, err := RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	bins, err := Build(ctx, repo, filepath.Join(t.TempDir(), "bin"))
	if err != nil {
		t.Fatal(err)
	}
	emu, err := StartEmulator(ctx, bins.Emulator, EmulatorOptions{QPS: emulator.DocumentedQPS})
	if err != nil {
		t.Fatal(err)
	}
	defer emu.Stop()
	ws, err := NewWorkspace(t.TempDir(), bins, emu.ProviderEnv())
	if err != nil {
		t.Fatal(err)
	}
	prefix := acctest.RoomID("e2e") + "-"
	if err := ws.WriteConfig(RoomsHCL(3, prefix)); err != nil {
		t.Fatal(err)
	}
	mustRun(t, ws, Init(), "initialized")
	if err := emu.ResetStats(ctx); err != nil {
		t.Fatal(err)
	}
	res := mustRun(t, ws, Apply(3), "Apply complete! Resources: 3 added")
	if res.Usage.ProviderProcesses == 0 || res.Usage.ProviderPeakRSS == 0 || res.CPU == 0 {
		t.Fatalf("Usage = %+v, CPU = %v; want provider processes with a peak, and CPU time", res.Usage, res.CPU)
	}
	stats, err := emu.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if stats.Commands["create_room"] != 3 || stats.RateRefused != 0 {
		t.Fatalf("stats after apply = %+v; want 3 create_room and no refusal", stats)
	}
	rooms, err := emu.Rooms(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, r := range rooms {
		ids = append(ids, r.RoomID)
	}
	if got, want := strings.Join(ids, ","), prefix+"0000,"+prefix+"0001,"+prefix+"0002"; got != want {
		t.Fatalf("emulator rooms = %s", got)
	}
	if err := emu.ResetStats(ctx); err != nil {
		t.Fatal(err)
	}
	mustRun(t, ws, Destroy(3), "Destroy complete! Resources: 3 destroyed.")
	if stats, err = emu.Stats(ctx); err != nil {
		t.Fatal(err)
	}
	if stats.Commands["destroy_room"] != 3 {
		t.Fatalf("stats after destroy = %+v; want 3 destroy_room", stats)
	}
}
