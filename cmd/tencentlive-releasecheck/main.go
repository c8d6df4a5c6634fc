// Command tencentlive-releasecheck validates .goreleaser.yml and dry-runs a release into dist/
// (`make release-check`). Run it from the repository root.
//
//  1. `goreleaser check`, with goreleaser pinned in tools/goreleaser/go.mod (`go tool`);
//  2. `goreleaser release --snapshot --clean --skip=sign,publish,docker` with a copy of the config whose
//     one-line goos/goarch lists are narrowed to the chosen targets (goreleaser's --single-target
//     exists only for `goreleaser build`);
//  3. checks dist/: per target the provider zip holding terraform-provider-tencentlive_v<ver>,
//     the emulator archive, the SHA256SUMS file listing them and the registry manifest (whose
//     hash must match terraform-registry-manifest.json; it is copied into dist/ under its release
//     name, as the release step uploads it), every listed file's hash, and for this machine's
//     target that the provider carries its version (-X main.version) and was built without cgo;
//  4. the emulator image apart (image.go): the snapshot skips goreleaser's docker pipe, which
//     needs a docker daemon; the dockers_v2 entry, its Dockerfile and the static linux binary
//     are checked instead, and internal/e2e's TestAccEmulatorImage builds and runs the image.
//
// Environment: RELEASE_GOOS / RELEASE_GOARCH, space-separated targets (default: this machine's);
// RELEASE_FULL=1 builds every target of .goreleaser.yml (tens of builds: slow on 2 cores).
// The dist/ directory is the last line on stdout.
package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"debug/buildinfo"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"time"
)

const (
	project  = "terraform-provider-tencentlive"
	emulator = "tencentlive-emulator"
	manifest = "terraform-registry-manifest.json"
)

func main() {
	start := time.Now()
	dist, err := run()
	if err != nil {
		fmt.Fprintln(os.Stderr, "release-check: FAIL:", err)
		os.Exit(1)
	}
	logf("passed in %s", time.Since(start).Round(time.Second))
	fmt.Println(dist)
}

func logf(format string, args ...any) { fmt.Fprintf(os.Stderr, "release-check: "+format+"\n", args...) }

func goreleaser(args ...string) error {
	cmd := exec.Command("go", append([]string{"tool", "-modfile=tools/goreleaser/go.mod", "goreleaser"}, args...)...)
	cmd.Stdout, cmd.Stderr = os.Stderr, os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("goreleaser %s: %w", args[0], err)
	}
	return nil
}

func run() (string, error) {
	if err := goreleaser("check"); err != nil {
		return "", err
	}
	goos := strings.Fields(envOr("RELEASE_GOOS", runtime.GOOS))
	goarch := strings.Fields(envOr("RELEASE_GOARCH", runtime.GOARCH))
	config := ".goreleaser.yml"
	if os.Getenv("RELEASE_FULL") != "1" {
		narrowed, err := narrowConfig(config, goos, goarch)
		if err != nil {
			return "", err
		}
		defer os.Remove(narrowed)
		config = narrowed
		logf("snapshot for goos=%v goarch=%v (RELEASE_FULL=1 builds every target)", goos, goarch)
	}
	if err := goreleaser("release", "--snapshot", "--clean", "--skip=sign,publish,docker", "--config", config); err != nil {
		return "", err
	}
	dist, err := filepath.Abs("dist")
	if err != nil {
		return "", err
	}
	if err := checkDist(dist, goos, goarch); err != nil {
		return "", err
	}
	return dist, checkImage(".goreleaser.yml", dist)
}

func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

// narrowConfig writes a copy of config whose builds' one-line lists ("goos: [a, b]") name only
// the given targets; ignore entries ("goos: darwin") stay.
func narrowConfig(config string, goos, goarch []string) (string, error) {
	data, err := os.ReadFile(config)
	if err != nil {
		return "", err
	}
	for key, values := range map[string][]string{"goos": goos, "goarch": goarch} {
		re := regexp.MustCompile(`(?m)^(\s*(?:- )?` + key + `:)\s*\[.*$`)
		data = re.ReplaceAll(data, []byte("${1} ["+strings.Join(values, ",")+"]"))
	}
	f, err := os.CreateTemp("", "goreleaser-check.*.yml")
	if err != nil {
		return "", err
	}
	defer f.Close()
	_, err = f.Write(data)
	return f.Name(), err
}

func checkDist(dist string, goos, goarch []string) error {
	var meta struct{ Version string }
	if data, err := os.ReadFile(filepath.Join(dist, "metadata.json")); err != nil || json.Unmarshal(data, &meta) != nil || meta.Version == "" {
		return fmt.Errorf("no version in %s/metadata.json", dist)
	}
	version := meta.Version
	sumsName := project + "_" + version + "_SHA256SUMS"
	sumsData, err := os.ReadFile(filepath.Join(dist, sumsName))
	if err != nil || len(sumsData) == 0 {
		return fmt.Errorf("missing %s", sumsName)
	}
	sums := map[string]string{} // file name -> hash
	for _, line := range strings.Split(strings.TrimSpace(string(sumsData)), "\n") {
		if hash, name, ok := strings.Cut(line, "  "); ok {
			sums[name] = hash
		}
	}

	releaseManifest := project + "_" + version + "_manifest.json"
	data, err := os.ReadFile(manifest)
	if err != nil {
		return err
	}
	if want := sha256Hex(data); sums[releaseManifest] != want {
		return fmt.Errorf("%s lacks '%s  %s'", sumsName, want, releaseManifest)
	}
	if err := os.WriteFile(filepath.Join(dist, releaseManifest), data, 0o644); err != nil {
		return err
	}

	for _, system := range goos {
		for _, arch := range goarch {
			target := version + "_" + system + "_" + arch
			exe, emuArchive, list := "", emulator+"_"+target+".tar.gz", tarNames
			if system == "windows" {
				exe, emuArchive, list = ".exe", emulator+"_"+target+".zip", zipNames
			}
			zipName := project + "_" + target + ".zip"
			if err := archiveHolds(dist, sums, zipName, zipNames, project+"_v"+version+exe); err != nil {
				return err
			}
			if err := archiveHolds(dist, sums, emuArchive, list, emulator+exe); err != nil {
				return err
			}
			logf("ok: %s, %s", zipName, emuArchive)
		}
	}

	for name, want := range sums { // every listed file, with the listed hash
		data, err := os.ReadFile(filepath.Join(dist, name))
		if err != nil {
			return err
		}
		if sha256Hex(data) != want {
			return fmt.Errorf("%s does not match %s", name, sumsName)
		}
	}

	// The version must reach the provider binary (main.version), or the registry shows a wrong one.
	binaries, _ := filepath.Glob(filepath.Join(dist, "*"+runtime.GOOS+"_"+runtime.GOARCH+"*", project+"_v"+version))
	if len(binaries) > 0 {
		data, err := os.ReadFile(binaries[0])
		if err != nil {
			return err
		}
		// -trimpath keeps -ldflags out of the build info, so look for the linked string itself.
		if !bytes.Contains(data, []byte(version)) {
			return fmt.Errorf("%s does not contain its version %s (-X main.version)", binaries[0], version)
		}
		info, err := buildinfo.ReadFile(binaries[0])
		if err != nil {
			return err
		}
		if !slices.ContainsFunc(info.Settings, func(s debug.BuildSetting) bool { return s.Key == "CGO_ENABLED" && s.Value == "0" }) {
			return fmt.Errorf("%s was built with cgo", binaries[0])
		}
		logf("ok: %s carries main.version=%s, CGO_ENABLED=0", filepath.Base(binaries[0]), version)
	}
	logf("version %s, %d checksummed files", version, len(sums))
	return nil
}

func archiveHolds(dist string, sums map[string]string, archive string, list func(string) ([]string, error), want string) error {
	if _, ok := sums[archive]; !ok {
		return fmt.Errorf("%s missing or not listed in SHA256SUMS", archive)
	}
	names, err := list(filepath.Join(dist, archive))
	if err != nil {
		return fmt.Errorf("%s: %w", archive, err)
	}
	if !slices.Contains(names, want) {
		return fmt.Errorf("%s lacks %s (has %v)", archive, want, names)
	}
	return nil
}

func zipNames(path string) ([]string, error) {
	r, err := zip.OpenReader(path)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	var names []string
	for _, f := range r.File {
		names = append(names, f.Name)
	}
	return names, nil
}

func tarNames(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	var names []string
	tr := tar.NewReader(gz)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return names, nil
		}
		if err != nil {
			return nil, err
		}
		names = append(names, h.Name)
	}
}

func sha256Hex(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}
