package e2e

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/release"
)

// `make install` into a fresh home: `terraform init` and `tofu init` then both find the provider,
// with no CLI configuration beyond an empty file and no registry. OpenTofu resolves
// tencentlive/tencentlive on registry.opentofu.org, so a layout for registry.terraform.io alone
// fails its init.
func TestAccMakeInstallServesTerraformAndOpenTofu(t *testing.T) {
	requireAcc(t)
	repo, err := RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	terraform, err := FindTerraform(context.Background(), repo)
	if err != nil {
		t.Fatal(err)
	}
	ensureTofu := exec.Command(filepath.Join(repo, "scripts", "ensure-tofu.sh"))
	ensureTofu.Stderr = os.Stderr // minutes when it builds OpenTofu
	out, err := ensureTofu.Output()
	if err != nil {
		t.Fatalf("scripts/ensure-tofu.sh: %v", err)
	}
	tofu := strings.TrimSpace(string(out))

	home := t.TempDir()
	// The caller's Go caches, or the build starts cold under the new home.
	goEnv, err := exec.Command("go", "env", "GOCACHE", "GOMODCACHE", "GOPATH").Output()
	if err != nil {
		t.Fatal(err)
	}
	caches := strings.Fields(string(goEnv))
	env := append(cleanEnv(os.Environ()), "HOME="+home, "GOCACHE="+caches[0], "GOMODCACHE="+caches[1], "GOPATH="+caches[2])
	install := exec.Command("make", "install")
	install.Dir, install.Env = repo, env
	if out, err := install.CombinedOutput(); err != nil {
		t.Fatalf("make install: %v\n%s", err, out)
	}
	for _, host := range MirrorHosts {
		p := filepath.Join(home, ".terraform.d", "plugins", providerUnder(host), release.Version,
			runtime.GOOS+"_"+runtime.GOARCH, "terraform-provider-tencentlive_v"+release.Version)
		if fi, err := os.Stat(p); err != nil || fi.Mode()&0o111 == 0 {
			t.Fatalf("make install did not install %s: %v", p, err)
		}
	}

	cliConfig := filepath.Join(home, "empty.tfrc")
	if err := os.WriteFile(cliConfig, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	config := `terraform {
  required_providers {
    tencentlive = {
      source  = "tencentlive/tencentlive"
      version = "` + release.Version + `"
    }
  }
}
`
	for name, cli := range map[string]string{"terraform": terraform, "tofu": tofu} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "main.tf"), []byte(config), 0o644); err != nil {
				t.Fatal(err)
			}
			init := exec.Command(cli, "init", "-input=false", "-no-color")
			init.Dir, init.Env = dir, append(env, "TF_CLI_CONFIG_FILE="+cliConfig, "CHECKPOINT_DISABLE=1")
			out, err := init.CombinedOutput()
			if err != nil || !bytes.Contains(out, []byte("Installing tencentlive/tencentlive v"+release.Version)) {
				t.Fatalf("%s init after make install: %v\n%s", name, err, out)
			}
		})
	}
}
