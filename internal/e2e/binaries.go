package e2e

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/release"
)

// ModulePath is the Go module path of this repository; RepoRoot looks for it in go.mod.
const ModulePath = "github.com/tencentlive/terraform-provider-tencentlive"

// Binaries are the three executables an end-to-end run needs.
type Binaries struct {
	Provider  string // terraform-provider-tencentlive
	Emulator  string // tencentlive-emulator
	Terraform string // terraform or tofu CLI
}

// RepoRoot walks up from the working directory to the directory whose go.mod declares
// ModulePath.
func RepoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		data, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err == nil && bytes.Contains(data, []byte("module "+ModulePath+"\n")) {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("no go.mod for %s above the working directory", ModulePath)
		}
		dir = parent
	}
}

// Build compiles the provider and the emulator from repo into outDir and finds a Terraform CLI
// (see FindTerraform).
func Build(ctx context.Context, repo, outDir string) (Binaries, error) {
	var b Binaries
	var err error
	if b.Provider, err = BuildProvider(ctx, repo, outDir); err != nil {
		return b, err
	}
	if b.Emulator, err = BuildEmulator(ctx, repo, outDir); err != nil {
		return b, err
	}
	b.Terraform, err = FindTerraform(ctx, repo)
	return b, err
}

// BuildProvider runs `go build` of the provider (the module root) into outDir.
func BuildProvider(ctx context.Context, repo, outDir string) (string, error) {
	out := filepath.Join(outDir, "terraform-provider-tencentlive")
	return out, goBuild(ctx, repo, out, "-ldflags", "-X main.version="+release.Version, ".")
}

// BuildEmulator runs `go build` of ./cmd/tencentlive-emulator into outDir.
func BuildEmulator(ctx context.Context, repo, outDir string) (string, error) {
	out := filepath.Join(outDir, "tencentlive-emulator")
	return out, goBuild(ctx, repo, out, "./cmd/tencentlive-emulator")
}

func goBuild(ctx context.Context, repo, out string, args ...string) error {
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return err
	}
	cmd := exec.CommandContext(ctx, "go", append([]string{"build", "-o", out}, args...)...)
	cmd.Dir = repo
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("go build %s: %w\n%s", strings.Join(args, " "), err, stderr.String())
	}
	return nil
}

// FindTerraform returns $TF_ACC_TERRAFORM_PATH when set, otherwise the path printed on the last
// stdout line of scripts/ensure-terraform.sh (which may build Terraform from source).
func FindTerraform(ctx context.Context, repo string) (string, error) {
	if p := os.Getenv("TF_ACC_TERRAFORM_PATH"); p != "" {
		if _, err := os.Stat(p); err != nil {
			return "", fmt.Errorf("TF_ACC_TERRAFORM_PATH: %w", err)
		}
		return p, nil
	}
	cmd := exec.CommandContext(ctx, filepath.Join(repo, "scripts", "ensure-terraform.sh"))
	cmd.Dir = repo
	cmd.Stderr = os.Stderr // progress of a possible two-minute build
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("scripts/ensure-terraform.sh: %w", err)
	}
	var last string
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		if line := strings.TrimSpace(sc.Text()); line != "" {
			last = line
		}
	}
	if last == "" {
		return "", errors.New("scripts/ensure-terraform.sh printed no path")
	}
	return last, nil
}
