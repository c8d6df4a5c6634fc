// Command tencentlive-cliconfig writes a Terraform/OpenTofu CLI configuration file and prints its
// absolute path, the only line on stdout. scripts/cli-config.sh builds and runs it.
//
// Why: TF_CLI_CONFIG_FILE may name a file that does not exist (it does on the dev machines);
// OpenTofu then warns, which breaks terraform-plugin-testing's version parsing, so every test run
// points TF_CLI_CONFIG_FILE at a real file.
//
//	tencentlive-cliconfig [-dir D]
//	    writes D/test.tfrc, an empty config for acceptance tests (terraform-plugin-testing
//	    installs the provider under test by itself).
//	tencentlive-cliconfig [-dir D] -mirror M [-provider-bin BIN -provider-version X.Y.Z]
//	    writes D/mirror.tfrc, which installs the provider from the filesystem mirror M (never from
//	    a registry) and every other provider directly; with -provider-bin it first copies BIN into
//	    M under registry.terraform.io and registry.opentofu.org (e2e.InstallMirror). A
//	    configuration then asks for source = "tencentlive/tencentlive" and version = X.Y.Z, and
//	    needs a fresh `init` after BIN is rebuilt (the lock file pins the old binary's hash).
//
// -out F writes F instead. The file is rewritten only when its content changes.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/e2e"
)

func main() {
	path, err := run(os.Args[1:], os.Stderr)
	if err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "cli-config:", err)
		}
		os.Exit(2)
	}
	fmt.Println(path)
}

func run(args []string, stderr io.Writer) (string, error) {
	fs := flag.NewFlagSet("tencentlive-cliconfig", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("dir", "bin/cli-config", "directory of the default output files")
	out := fs.String("out", "", "write this file instead of DIR/test.tfrc or DIR/mirror.tfrc")
	mirror := fs.String("mirror", "", "install the provider from this filesystem mirror")
	bin := fs.String("provider-bin", "", "copy this provider binary into the mirror first")
	version := fs.String("provider-version", "", "the version it is installed as")
	if err := fs.Parse(args); err != nil {
		return "", err
	}
	if fs.NArg() > 0 {
		return "", fmt.Errorf("unexpected arguments: %q", fs.Args())
	}
	content := "# Written by scripts/cli-config.sh for test runs. Intentionally empty: it only has to\n" +
		"# exist so that TF_CLI_CONFIG_FILE never names a missing file.\n"
	name := "test.tfrc"
	if *bin != "" || *version != "" {
		switch {
		case *mirror == "":
			return "", errors.New("-provider-bin/-provider-version need -mirror")
		case *bin == "" || *version == "":
			return "", errors.New("-provider-bin and -provider-version go together")
		case !regexp.MustCompile(`^[0-9]+\.[0-9]+\.[0-9]+([-+].*)?$`).MatchString(*version):
			return "", fmt.Errorf("-provider-version must look like 1.2.3, got %s", *version)
		}
	}
	if *mirror != "" {
		abs, err := filepath.Abs(*mirror)
		if err != nil {
			return "", err
		}
		if err := os.MkdirAll(abs, 0o755); err != nil {
			return "", err
		}
		if *bin != "" {
			if err := e2e.InstallMirror(abs, *bin, *version, e2e.MirrorHosts...); err != nil {
				return "", fmt.Errorf("-provider-bin: %w", err)
			}
			fmt.Fprintf(stderr, "cli-config: installed %s as version %s in %s\n", *bin, *version, abs)
		}
		content = "# Written by scripts/cli-config.sh: the provider comes from a local filesystem mirror.\n" +
			e2e.CLIConfig(abs, e2e.MirrorHosts...)
		name = "mirror.tfrc"
	}
	if *out == "" {
		*out = filepath.Join(*dir, name)
	}
	path, err := filepath.Abs(*out)
	if err != nil {
		return "", err
	}
	if old, err := os.ReadFile(path); err == nil && bytes.Equal(old, []byte(content)) {
		return path, nil
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return "", err
	}
	if err := os.WriteFile(path+".tmp", []byte(content), 0o644); err != nil {
		return "", err
	}
	fmt.Fprintf(stderr, "cli-config: wrote %s\n", path)
	return path, os.Rename(path+".tmp", path)
}
