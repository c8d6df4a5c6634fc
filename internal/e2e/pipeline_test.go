package e2e

import (
	"archive/tar"
	"archive/zip"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tencentlive/terraform-provider-tencentlive/emulator"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/release"
)

// The CI examples in examples/ci run one script; these tests run that script for real, in the
// combinations the workflows use, so the examples cannot rot. What they cannot run here is the
// hosted runner itself (actions/checkout, setup-terraform, the registry pulls of the images):
// .ci/run checks the workflow with actionlint instead.

const ciScript = "examples/ci/run-against-emulator.sh"

// runSteps lists a CI file's shell steps: GitHub's `run:` lines, GitLab's `script:` items.
func runSteps(t *testing.T, path string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var steps []string
	inScript := false
	for _, line := range strings.Split(string(data), "\n") {
		if m := regexp.MustCompile(`^\s*- run: (.+)$`).FindStringSubmatch(line); m != nil {
			steps = append(steps, m[1])
		}
		switch {
		case strings.TrimSpace(line) == "script:":
			inScript = true
		case inScript && strings.HasPrefix(strings.TrimSpace(line), "- "):
			steps = append(steps, strings.TrimPrefix(strings.TrimSpace(line), "- "))
		case inScript:
			inScript = false
		}
	}
	return steps
}

type ciRun struct {
	output string
	err    error
}

// runCIScript runs the CI script from repo on a copy of examples/ci, with env added to a clean
// environment, and returns its combined output.
func runCIScript(t *testing.T, repo string, env ...string) ciRun {
	t.Helper()
	config := filepath.Join(t.TempDir(), "config")
	for _, name := range []string{"main.tf", filepath.Join("tests", "stage.tftest.hcl")} {
		data, err := os.ReadFile(filepath.Join(repo, "examples", "ci", name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Dir(filepath.Join(config, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(config, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, filepath.Join(repo, ciScript))
	cmd.Dir = repo
	cmd.Env = append(cleanEnv(os.Environ()), append([]string{"CONFIG_DIR=" + config, "WORK_DIR=" + t.TempDir()}, env...)...)
	start := time.Now()
	out, err := cmd.CombinedOutput()
	t.Logf("%s %s: %s", ciScript, strings.Join(env, " "), time.Since(start).Round(100*time.Millisecond))
	if strings.Contains(string(out), emulator.DefaultSecretKey) {
		t.Errorf("the secret key is in the script's output")
	}
	return ciRun{string(out), err}
}

func (r ciRun) mustBeGreen(t *testing.T) {
	t.Helper()
	if r.err != nil {
		t.Fatalf("%v\n%s", r.err, r.output)
	}
	for _, want := range []string{"Success! 1 passed, 0 failed.", "Apply complete! Resources: 1 added", "green: applied, and the next plan is empty"} {
		if !strings.Contains(r.output, want) {
			t.Fatalf("output lacks %q:\n%s", want, r.output)
		}
	}
}

// fakeRelease lays out what a GitHub release holds for this platform (the provider's zip, the
// emulator's archive and SHA256SUMS) in a directory, for the script's release paths with a
// file:// URL.
func fakeRelease(t *testing.T, providerBin, emulatorBin string) string {
	t.Helper()
	dir := t.TempDir()
	v := release.Version
	target := v + "_" + runtime.GOOS + "_" + runtime.GOARCH
	zipName := "terraform-provider-tencentlive_" + target + ".zip"
	tarName := "tencentlive-emulator_" + target + ".tar.gz"
	writeArchive(t, filepath.Join(dir, zipName), "terraform-provider-tencentlive_v"+v, providerBin)
	writeArchive(t, filepath.Join(dir, tarName), "tencentlive-emulator", emulatorBin)
	var sums strings.Builder
	for _, name := range []string{zipName, tarName} {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(data)
		fmt.Fprintf(&sums, "%s  %s\n", hex.EncodeToString(sum[:]), name)
	}
	if err := os.WriteFile(filepath.Join(dir, "terraform-provider-tencentlive_"+v+"_SHA256SUMS"), []byte(sums.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// writeArchive writes a .zip or .tar.gz at path holding bin as the executable entry, as
// goreleaser's archives hold it.
func writeArchive(t *testing.T, path, entry, bin string) {
	t.Helper()
	data, err := os.ReadFile(bin)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if strings.HasSuffix(path, ".zip") {
		zw := zip.NewWriter(f)
		hdr := &zip.FileHeader{Name: entry, Method: zip.Deflate}
		hdr.SetMode(0o755) // Terraform keeps the mode the zip gives
		w, err := zw.CreateHeader(hdr)
		if err == nil {
			_, err = w.Write(data)
		}
		if err == nil {
			err = zw.Close()
		}
		if err != nil {
			t.Fatal(err)
		}
		return
	}
	gz := gzip.NewWriter(f)
	tw := tar.NewWriter(gz)
	err = tw.WriteHeader(&tar.Header{Name: entry, Mode: 0o755, Size: int64(len(data)), Typeflag: tar.TypeReg})
	if err == nil {
		_, err = tw.Write(data)
	}
	if err == nil {
		err = tw.Close()
	}
	if err == nil {
		err = gz.Close()
	}
	if err != nil {
		t.Fatal(err)
	}
}

// The workflows' shell steps are the script and, in the from-source jobs, `make build`; all run
// here in the combinations the jobs use (the service jobs' in TestAccEmulatorImage), the
// release paths against a local "release" of this tree's binaries.
func TestAccCIExampleSteps(t *testing.T) {
	requireAcc(t)
	repo, err := RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{ciScript, ciScript, "make build", ciScript}
	for _, file := range []string{"github-actions.yml", "gitlab-ci.yml"} {
		if got := runSteps(t, filepath.Join(repo, "examples", "ci", file)); !slices.Equal(got, want) {
			t.Fatalf("%s runs %q; this test runs %q: run a new step here too", file, got, want)
		}
	}
	tf, err := FindTerraform(context.Background(), repo)
	if err != nil {
		t.Fatal(err)
	}

	build := exec.Command("make", "build")
	build.Dir = repo
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("make build: %v\n%s", err, out)
	}
	bin := filepath.Join(repo, "bin")
	rel := fakeRelease(t, filepath.Join(bin, "terraform-provider-tencentlive"), filepath.Join(bin, "tencentlive-emulator"))
	fromRelease := []string{"TF_CLI=" + tf, "EMULATOR=process", "EMULATOR_FROM=release", "PROVIDER=release",
		"PROVIDER_VERSION=" + release.Version, "RELEASE_URL=file://" + rel}

	t.Run("emulator-process: emulator and provider from a release", func(t *testing.T) {
		runCIScript(t, repo, fromRelease...).mustBeGreen(t)
	})
	t.Run("provider-from-source: make build, then the local build", func(t *testing.T) {
		runCIScript(t, repo, "TF_CLI="+tf, "EMULATOR=process", "PROVIDER=local").mustBeGreen(t)
	})
	t.Run("a release file that does not match SHA256SUMS is refused", func(t *testing.T) {
		archive := filepath.Join(rel, "tencentlive-emulator_"+release.Version+"_"+runtime.GOOS+"_"+runtime.GOARCH+".tar.gz")
		f, err := os.OpenFile(archive, os.O_APPEND|os.O_WRONLY, 0)
		if err == nil {
			_, err = f.WriteString("tampered")
			f.Close()
		}
		if err != nil {
			t.Fatal(err)
		}
		r := runCIScript(t, repo, fromRelease...)
		if r.err == nil || !strings.Contains(r.output, "tar.gz does not match") || strings.Contains(r.output, "terraform init") {
			t.Fatalf("want a checksum failure before init; got %v:\n%s", r.err, r.output)
		}
	})
}

// The emulator's image, built from cmd/tencentlive-emulator/Dockerfile and run with a port
// mapped, serves the CI example's plan and apply as the workflows' service jobs use it: the
// script waits on its health endpoint and seeds it over HTTP; the provider comes from a release.
func TestAccEmulatorImage(t *testing.T) {
	requireAcc(t)
	podman, err := exec.LookPath("podman")
	if err != nil {
		t.Skip("no container runtime (podman) installed, so the emulator image is not built here; .ci/run installs podman and runc")
	}
	repo, err := RepoRoot()
	if err != nil {
		t.Fatal(err)
	}
	tf, err := FindTerraform(context.Background(), repo)
	if err != nil {
		t.Fatal(err)
	}
	bins := t.TempDir()
	providerBin, err := BuildProvider(context.Background(), repo, bins)
	if err != nil {
		t.Fatal(err)
	}
	emulatorBin, err := BuildEmulator(context.Background(), repo, bins)
	if err != nil {
		t.Fatal(err)
	}
	// podman's global flags: runc, as crun fails on this kind of machine's cgroups.
	pod := func(args ...string) (string, error) {
		out, err := exec.Command(podman, append([]string{"--runtime", "runc"}, args...)...).CombinedOutput()
		return strings.TrimSpace(string(out)), err
	}

	tag := fmt.Sprintf("localhost/tencentlive-emulator:e2e-%d", os.Getpid())
	start := time.Now()
	build := exec.Command(filepath.Join(repo, "scripts", "emulator-image.sh"), tag)
	build.Dir = repo
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("emulator-image.sh: %v\n%s", err, out)
	}
	t.Logf("image %s built in %s", tag, time.Since(start).Round(100*time.Millisecond))
	t.Cleanup(func() { _, _ = pod("rmi", "-f", tag) })

	inspect, err := pod("image", "inspect", "--format", "{{json .HealthCheck.Test}}|{{.User}}|{{json .Config.ExposedPorts}}", tag)
	if err != nil {
		t.Fatalf("inspect: %v: %s", err, inspect)
	}
	if want := `["CMD","/tencentlive-emulator","health"]|65534:65534|{"8080/tcp":{}}`; inspect != want {
		t.Fatalf("image config %s, want %s (HEALTHCHECK by the binary, a numeric non-root user, port 8080)", inspect, want)
	}

	port := freePort(t)
	name := fmt.Sprintf("tencentlive-emulator-e2e-%d", os.Getpid())
	start = time.Now()
	if out, err := pod("run", "-d", "--rm", "--name", name, "--ulimit", "nofile=20000:20000", "--ulimit", "nproc=1000:1000",
		"-p", "127.0.0.1:"+strconv.Itoa(port)+":8080", tag); err != nil {
		t.Fatalf("podman run: %v: %s", err, out)
	}
	t.Cleanup(func() { _, _ = pod("rm", "-f", name) })
	endpoint := "http://127.0.0.1:" + strconv.Itoa(port)
	waitHealthy(t, endpoint)
	t.Logf("container answered %s in %s", emulator.HealthPath, time.Since(start).Round(10*time.Millisecond))

	// The image's own HEALTHCHECK, run inside the container: the scratch image has no curl.
	if out, err := pod("healthcheck", "run", name); err != nil {
		t.Fatalf("podman healthcheck run: %v: %s", err, out)
	}

	runCIScript(t, repo, "TF_CLI="+tf, "EMULATOR=service", "TENCENTLIVE_ENDPOINT="+endpoint, "PROVIDER=release",
		"PROVIDER_VERSION="+release.Version, "RELEASE_URL=file://"+fakeRelease(t, providerBin, emulatorBin)).mustBeGreen(t)

	resp, err := http.Get(endpoint + "/_emulator/rooms")
	if err != nil {
		t.Fatal(err)
	}
	rooms, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	for _, id := range []string{`"RoomId": "ci-lobby"`, `"RoomId": "ci-stage"`} {
		if !strings.Contains(string(rooms), id) {
			t.Errorf("the container's emulator lacks %s: %s", id, rooms)
		}
	}
}

func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	_, port, err := net.SplitHostPort(ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	n, err := strconv.Atoi(port)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func waitHealthy(t *testing.T, endpoint string) {
	t.Helper()
	client := &http.Client{Timeout: time.Second}
	deadline := time.Now().Add(30 * time.Second)
	for {
		resp, err := client.Get(endpoint + emulator.HealthPath)
		if err == nil {
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK && string(body) == emulator.HealthBody {
				return
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s did not answer %s within 30s (last error: %v)", endpoint, emulator.HealthPath, err)
		}
		time.Sleep(100 * time.Millisecond)
	}
}
