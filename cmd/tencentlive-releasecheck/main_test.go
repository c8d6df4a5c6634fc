package main

import (
	"archive/tar"
	"archive/zip"
	"compress/gzip"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestNarrowConfigKeepsIgnoreEntries(t *testing.T) {
	cfg := filepath.Join(t.TempDir(), "g.yml")
	in := "builds:\n  - goos: [freebsd, windows, linux]\n    goarch: [amd64, \"386\"]\n    ignore:\n      - goos: darwin\n        goarch: arm\n"
	if err := os.WriteFile(cfg, []byte(in), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := narrowConfig(cfg, []string{"linux"}, []string{"amd64", "arm64"})
	if err != nil {
		t.Fatal(err)
	}
	defer os.Remove(out)
	got, _ := os.ReadFile(out)
	want := "builds:\n  - goos: [linux]\n    goarch: [amd64,arm64]\n    ignore:\n      - goos: darwin\n        goarch: arm\n"
	if string(got) != want {
		t.Fatalf("narrowed config:\n%s\nwant:\n%s", got, want)
	}
}

// fakeDist lays out what goreleaser writes for linux/amd64, with the provider zip holding entry.
func fakeDist(t *testing.T, entry string) string {
	t.Helper()
	dist := t.TempDir()
	write := func(name string, data []byte) {
		if err := os.WriteFile(filepath.Join(dist, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("metadata.json", []byte(`{"project_name":"x","version":"1.2.3"}`))
	zf, _ := os.Create(filepath.Join(dist, project+"_1.2.3_linux_amd64.zip"))
	zw := zip.NewWriter(zf)
	w, _ := zw.Create(entry)
	_, _ = w.Write([]byte("binary"))
	_ = zw.Close()
	_ = zf.Close()
	tf, _ := os.Create(filepath.Join(dist, emulator+"_1.2.3_linux_amd64.tar.gz"))
	gz := gzip.NewWriter(tf)
	tw := tar.NewWriter(gz)
	_ = tw.WriteHeader(&tar.Header{Name: emulator, Mode: 0o755, Size: 3})
	_, _ = tw.Write([]byte("emu"))
	_ = tw.Close()
	_ = gz.Close()
	_ = tf.Close()
	manifestData, err := os.ReadFile(manifest)
	if err != nil {
		t.Fatal(err)
	}
	var sums strings.Builder
	for _, name := range []string{project + "_1.2.3_linux_amd64.zip", emulator + "_1.2.3_linux_amd64.tar.gz"} {
		data, _ := os.ReadFile(filepath.Join(dist, name))
		fmt.Fprintf(&sums, "%s  %s\n", sha256Hex(data), name)
	}
	fmt.Fprintf(&sums, "%s  %s\n", sha256Hex(manifestData), project+"_1.2.3_manifest.json")
	write(project+"_1.2.3_SHA256SUMS", []byte(sums.String()))
	return dist
}

func TestCheckDist(t *testing.T) {
	t.Chdir("../..") // the manifest is read from the repository root
	if err := checkDist(fakeDist(t, project+"_v1.2.3"), []string{"linux"}, []string{"amd64"}); err != nil {
		t.Fatalf("a complete dist: %v", err)
	}
	err := checkDist(fakeDist(t, project), []string{"linux"}, []string{"amd64"})
	if err == nil || !strings.Contains(err.Error(), "lacks "+project+"_v1.2.3") {
		t.Fatalf("a zip without the versioned binary: %v", err)
	}
	dist := fakeDist(t, project+"_v1.2.3")
	if err := os.WriteFile(filepath.Join(dist, emulator+"_1.2.3_linux_amd64.tar.gz"), []byte("changed"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := checkDist(dist, []string{"linux"}, []string{"amd64"}); err == nil {
		t.Fatal("an archive that does not match SHA256SUMS passed")
	}
	if err := checkDist(fakeDist(t, project+"_v1.2.3"), []string{"linux"}, []string{"arm64"}); err == nil {
		t.Fatal("a missing target passed")
	}
}
