package main

import (
	"debug/buildinfo"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
)

// The emulator's image is checked apart from the snapshot: goreleaser's docker pipe needs a
// docker daemon (a docker CLI without one fails the whole snapshot), so the snapshot skips it and
// checkImage reads what the pipe would build from: the dockers_v2 entry, its Dockerfile, and the
// linux emulator binary it would copy. Building and running the image is TestAccEmulatorImage's
// job (internal/e2e, with podman).

// checkImage checks the dockers_v2 entry of config and its Dockerfile, and, when dist holds a
// linux emulator binary, that it was built without cgo (FROM scratch has no C library).
func checkImage(config, dist string) error {
	data, err := os.ReadFile(config)
	if err != nil {
		return err
	}
	block := regexp.MustCompile(`(?ms)^dockers_v2:\n(.*?)(?:^\S|\z)`).FindSubmatch(data)
	if block == nil {
		return fmt.Errorf("%s has no dockers_v2 entry for the emulator image", config)
	}
	entry := string(block[1])
	field := func(name string) string {
		m := regexp.MustCompile(`(?m)^\s+(?:- )?` + name + `:\s*(.+)$`).FindStringSubmatch(entry)
		if m == nil {
			return ""
		}
		return strings.TrimSpace(m[1])
	}
	if ids := field("ids"); ids != "[emulator]" {
		return fmt.Errorf("dockers_v2: ids is %q, want [emulator] (the image holds the emulator build only)", ids)
	}
	for _, platform := range []string{"linux/amd64", "linux/arm64"} {
		if !strings.Contains(entry, "- "+platform+"\n") {
			return fmt.Errorf("dockers_v2: platforms lack %s", platform)
		}
	}
	dockerfile := field("dockerfile")
	if dockerfile == "" {
		return fmt.Errorf("dockers_v2: no dockerfile")
	}
	if err := checkDockerfile(dockerfile, emulator); err != nil {
		return err
	}
	logf("ok: image config (dockers_v2, %s: FROM scratch, numeric non-root USER, EXPOSE 8080, HEALTHCHECK by the binary)", dockerfile)

	binaries, _ := filepath.Glob(filepath.Join(dist, "emulator_linux_*", emulator))
	for _, bin := range binaries {
		info, err := buildinfo.ReadFile(bin)
		if err != nil {
			return err
		}
		if !slices.ContainsFunc(info.Settings, func(s debug.BuildSetting) bool { return s.Key == "CGO_ENABLED" && s.Value == "0" }) {
			return fmt.Errorf("%s was built with cgo: it cannot run FROM scratch", bin)
		}
		logf("ok: %s is static (CGO_ENABLED=0), as FROM scratch needs", filepath.Join(filepath.Base(filepath.Dir(bin)), emulator))
	}
	logf("image: goreleaser's docker pipe skipped in the snapshot (it needs a docker daemon); TestAccEmulatorImage builds and runs the image with podman")
	return nil
}

// checkDockerfile holds the image to what a CI service needs: nothing but the static binary,
// a numeric non-root user (a runtime can check it without /etc/passwd), the port, and a health
// check that runs without curl.
func checkDockerfile(path, binary string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var froms []string
	instr := map[string]string{} // the last of each instruction, as it takes effect
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, args, _ := strings.Cut(line, " ")
		name = strings.ToUpper(name)
		if name == "FROM" {
			froms = append(froms, strings.TrimSpace(args))
		}
		instr[name] = strings.TrimSpace(args)
	}
	exe := "/" + binary
	fail := func(format string, args ...any) error {
		return fmt.Errorf("%s: "+format, append([]any{path}, args...)...)
	}
	if !slices.Equal(froms, []string{"scratch"}) {
		return fail("FROM %v, want only scratch (the static binary needs nothing else)", froms)
	}
	if copyArgs := instr["COPY"]; copyArgs != "${TARGETPLATFORM}/"+binary+" "+exe {
		return fail("COPY %q, want ${TARGETPLATFORM}/%s %s (dockers_v2 stages binaries under <os>/<arch>/)", copyArgs, binary, exe)
	}
	uid, _, _ := strings.Cut(instr["USER"], ":")
	if n, err := strconv.Atoi(uid); err != nil || n == 0 {
		return fail("USER %q, want a numeric non-root user", instr["USER"])
	}
	if instr["EXPOSE"] != "8080" {
		return fail("EXPOSE %q, want 8080", instr["EXPOSE"])
	}
	_, hc, _ := strings.Cut(instr["HEALTHCHECK"], "CMD ")
	var hcArgs []string
	if json.Unmarshal([]byte(hc), &hcArgs) != nil || len(hcArgs) < 2 || hcArgs[0] != exe || hcArgs[1] != "health" {
		return fail("HEALTHCHECK %q, want CMD [%q, \"health\"] (no shell or curl in the image)", instr["HEALTHCHECK"], exe)
	}
	var entrypoint []string
	if json.Unmarshal([]byte(instr["ENTRYPOINT"]), &entrypoint) != nil || !slices.Equal(entrypoint, []string{exe}) {
		return fail("ENTRYPOINT %q, want [%q]", instr["ENTRYPOINT"], exe)
	}
	return nil
}
