// Package release names the provider as registries and mirrors know it. It is the one place for
// the address and the version: the Go code imports it, and the GNUmakefile and scripts/lib.sh read
// the two lines below (keep each a plain string on one line).
package release

const (
	// Address is the provider's source address in the Terraform registry.
	Address = "registry.terraform.io/tencentlive/tencentlive"
	// Version is the version being prepared (CHANGELOG.md's top entry): what `make install`, the
	// demo and the local mirrors of the tests advertise. Releases take theirs from the git tag.
	Version = "0.1.0"
)
