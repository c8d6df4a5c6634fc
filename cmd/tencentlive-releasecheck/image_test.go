package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The repository's own release config and Dockerfile pass; each way a Dockerfile can break a
// CI service is refused with what is wrong.
func TestCheckImage(t *testing.T) {
	t.Chdir(filepath.Join("..", ".."))
	if err := checkImage(".goreleaser.yml", t.TempDir()); err != nil {
		t.Fatal(err)
	}

	good, err := os.ReadFile("cmd/tencentlive-emulator/Dockerfile")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, from, to, want string }{
		{"a base image", "FROM scratch", "FROM alpine:3", "want only scratch"},
		{"root", "USER 65534:65534", "USER 0", "non-root"},
		{"a user name", "USER 65534:65534", "USER nobody", "numeric"},
		{"another port", "EXPOSE 8080", "EXPOSE 80", "want 8080"},
		{"curl in the health check", `CMD ["/tencentlive-emulator", "health"]`, `CMD curl -f http://127.0.0.1:8080/healthz`, "no shell or curl"},
		{"the binary at the context root", "COPY ${TARGETPLATFORM}/tencentlive-emulator", "COPY tencentlive-emulator", "<os>/<arch>"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			bad := strings.Replace(string(good), tc.from, tc.to, 1)
			if bad == string(good) {
				t.Fatalf("%q is not in the Dockerfile", tc.from)
			}
			path := filepath.Join(t.TempDir(), "Dockerfile")
			if err := os.WriteFile(path, []byte(bad), 0o644); err != nil {
				t.Fatal(err)
			}
			if err := checkDockerfile(path, emulator); err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error %v, want it to contain %q", err, tc.want)
			}
		})
	}

	cfg := filepath.Join(t.TempDir(), "g.yml")
	if err := os.WriteFile(cfg, []byte("builds:\n  - id: emulator\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := checkImage(cfg, t.TempDir()); err == nil || !strings.Contains(err.Error(), "no dockers_v2") {
		t.Fatalf("config without an image: %v", err)
	}
}
