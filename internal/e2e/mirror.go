package e2e

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/release"
)

// A local filesystem mirror lets `init` install the provider built from this tree without a
// registry. scripts/cli-config.sh (cmd/tencentlive-cliconfig) and NewWorkspace both lay it out here.

// MirrorHosts are the hosts an unqualified source ("tencentlive/tencentlive") resolves on:
// Terraform's registry and OpenTofu's.
var MirrorHosts = []string{RegistryHost(), "registry.opentofu.org"}

// RegistryHost is the host of release.Address.
func RegistryHost() string { host, _, _ := strings.Cut(release.Address, "/"); return host }

// providerUnder is release.Address with its host replaced: HOST/NAMESPACE/TYPE.
func providerUnder(host string) string {
	_, nameType, _ := strings.Cut(release.Address, "/")
	return host + "/" + nameType
}

// InstallMirror copies providerBin into mirror in the "unpacked" layout, for each host:
// mirror/HOST/NAMESPACE/TYPE/VERSION/OS_ARCH/terraform-provider-tencentlive_vVERSION.
func InstallMirror(mirror, providerBin, version string, hosts ...string) error {
	for _, host := range hosts {
		dir := filepath.Join(mirror, providerUnder(host), version, runtime.GOOS+"_"+runtime.GOARCH)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		if err := copyExecutable(providerBin, filepath.Join(dir, "terraform-provider-tencentlive_v"+version)); err != nil {
			return err
		}
	}
	return nil
}

// CLIConfig is a CLI configuration that installs this provider (under each host) from mirror and
// every other provider directly.
func CLIConfig(mirror string, hosts ...string) string {
	addrs := make([]string, len(hosts))
	for i, host := range hosts {
		addrs[i] = fmt.Sprintf("%q", providerUnder(host))
	}
	list := strings.Join(addrs, ", ")
	return fmt.Sprintf(`provider_installation {
  filesystem_mirror {
    path    = %q
    include = [%s]
  }
  direct {
    exclude = [%s]
  }
}
`, mirror, list, list)
}

func copyExecutable(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	tmp := dst + ".tmp"
	out, err := os.OpenFile(tmp, os.O_CREATE|os.O_TRUNC|os.O_WRONLY, 0o755)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	if err := out.Close(); err != nil {
		return err
	}
	return os.Rename(tmp, dst)
}
