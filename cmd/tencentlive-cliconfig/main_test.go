package main

import (
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

func TestMirrorConfigInstallsTheProviderUnderBothHosts(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "provider")
	if err := os.WriteFile(bin, []byte("#!/bin/sh\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	path, err := run([]string{"--dir", dir, "--mirror", filepath.Join(dir, "m"), "--provider-bin", bin, "--provider-version", "1.2.3"}, io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	if path != filepath.Join(dir, "mirror.tfrc") {
		t.Fatalf("path = %s", path)
	}
	cfg, _ := os.ReadFile(path)
	for _, host := range []string{"registry.terraform.io", "registry.opentofu.org"} {
		exe := filepath.Join(dir, "m", host, "tencentlive/tencentlive/1.2.3", runtime.GOOS+"_"+runtime.GOARCH, "terraform-provider-tencentlive_v1.2.3")
		if st, err := os.Stat(exe); err != nil || st.Mode()&0o100 == 0 {
			t.Errorf("%s: %v (mode %v)", exe, err, st)
		}
		if !strings.Contains(string(cfg), `"`+host+`/tencentlive/tencentlive"`) {
			t.Errorf("config does not name %s:\n%s", host, cfg)
		}
	}
	if !strings.Contains(string(cfg), `path    = "`+filepath.Join(dir, "m")+`"`) || !strings.Contains(string(cfg), "direct {") {
		t.Errorf("config:\n%s", cfg)
	}
}

func TestEmptyConfigAndBadFlags(t *testing.T) {
	dir := t.TempDir()
	path, err := run([]string{"-dir", dir}, io.Discard)
	if err != nil || path != filepath.Join(dir, "test.tfrc") {
		t.Fatalf("run = %s, %v", path, err)
	}
	if cfg, _ := os.ReadFile(path); strings.Contains(string(cfg), "provider_installation") {
		t.Fatalf("the test config installs something:\n%s", cfg)
	}
	for _, args := range [][]string{
		{"-provider-bin", "x", "-provider-version", "1.0.0"},
		{"-mirror", dir, "-provider-bin", "x"},
		{"-mirror", dir, "-provider-bin", "x", "-provider-version", "one"},
		{"stray"},
	} {
		if _, err := run(append([]string{"-dir", dir}, args...), io.Discard); err == nil {
			t.Errorf("run(%q) = nil error", args)
		}
	}
}
