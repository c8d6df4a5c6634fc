package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/release"
)

// Workspace is a Terraform working directory whose CLI config installs the provider from a
// filesystem mirror next to it, so `init` needs no network and works with terraform and tofu.
type Workspace struct {
	Dir       string   // the working directory (main.tf, state)
	Terraform string   // CLI binary
	Env       []string // KEY=VALUE added to every step, after the harness's own
}

// NewWorkspace creates dir with a CLI config (dir/.cli/cli.tfrc) and a mirror holding a copy of
// bins.Provider. env (for example Emulator.ProviderEnv()) is added to every step.
func NewWorkspace(dir string, bins Binaries, env []string) (*Workspace, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	mirror := filepath.Join(dir, ".cli", "mirror")
	host := RegistryHost()
	if err := os.MkdirAll(mirror, 0o755); err != nil {
		return nil, err
	}
	if bins.Provider != "" {
		if err := InstallMirror(mirror, bins.Provider, release.Version, host); err != nil {
			return nil, err
		}
	}
	cfg := filepath.Join(dir, ".cli", "cli.tfrc")
	if err := os.WriteFile(cfg, []byte(CLIConfig(mirror, host)), 0o644); err != nil {
		return nil, err
	}
	ws := &Workspace{Dir: dir, Terraform: bins.Terraform}
	ws.Env = append([]string{
		"TF_CLI_CONFIG_FILE=" + cfg,
		"TF_IN_AUTOMATION=1",   // no "run terraform apply next" hints
		"CHECKPOINT_DISABLE=1", // no version check over the network
	}, env...)
	return ws, nil
}

// WriteConfig replaces the workspace's configuration with main.tf = hcl.
func (w *Workspace) WriteConfig(hcl string) error {
	return w.WriteFile("main.tf", hcl)
}

// WriteFile writes one file in the working directory.
func (w *Workspace) WriteFile(name, content string) error {
	return os.WriteFile(filepath.Join(w.Dir, name), []byte(content), 0o644)
}

// RemoveState deletes the local state and its backup, for a fresh start without `init` again.
func (w *Workspace) RemoveState() error {
	for _, name := range []string{"terraform.tfstate", "terraform.tfstate.backup"} {
		if err := os.Remove(filepath.Join(w.Dir, name)); err != nil && !os.IsNotExist(err) {
			return err
		}
	}
	return nil
}

// RoomsHCL is a configuration of n tencentlive_room resources (address tencentlive_room.bench[i])
// with room IDs idPrefix0000, idPrefix0001, ...
func RoomsHCL(n int, idPrefix string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `terraform {
  required_providers {
    tencentlive = {
      source = %q
    }
  }
}

provider "tencentlive" {}

resource "tencentlive_room" "bench" {
  count         = %d
  room_id       = format("%%s%%04d", %q, count.index)
  room_name     = "Bench room ${count.index}"
  seat_template = "VideoDynamicGrid9Seats"
}
`, "tencentlive/tencentlive", n, idPrefix)
	return b.String()
}

// TerraformDataHCL is a configuration of n built-in terraform_data resources carrying the same
// values as RoomsHCL, to measure Terraform's own cost of n resources.
func TerraformDataHCL(n int, idPrefix string) string {
	return fmt.Sprintf(`resource "terraform_data" "bench" {
  count = %d
  input = {
    room_id       = format("%%s%%04d", %q, count.index)
    room_name     = "Bench room ${count.index}"
    seat_template = "VideoDynamicGrid9Seats"
  }
}
`, n, idPrefix)
}
