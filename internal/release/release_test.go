package release

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// The GNUmakefile and scripts/lib.sh read Address and Version with sed; CHANGELOG.md's top entry
// is the version being prepared.
func TestConstantsAreReadableByTheScriptsAndMatchTheChangelog(t *testing.T) {
	src, err := os.ReadFile("release.go")
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{"Address": Address, "Version": Version} {
		m := regexp.MustCompile(`(?m)^\t` + name + ` = "(.*)"$`).FindSubmatch(src)
		if m == nil || string(m[1]) != want {
			t.Errorf("release.go has no line %q that sed can read", "\t"+name+` = "`+want+`"`)
		}
	}
	changelog, err := os.ReadFile("../../CHANGELOG.md")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(changelog), "## "+Version+" ") {
		t.Errorf("CHANGELOG.md does not start with the entry for %s", Version)
	}
	if !regexp.MustCompile(`^registry\.terraform\.io/[a-z0-9-]+/[a-z0-9-]+$`).MatchString(Address) {
		t.Errorf("Address %q is not HOST/NAMESPACE/TYPE", Address)
	}
}
