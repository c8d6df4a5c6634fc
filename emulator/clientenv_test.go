package emulator

import (
	"bytes"
	"os/exec"
	"slices"
	"strings"
	"testing"
)

func TestClientEnvNamesTheApplicationAndFirstAdmin(t *testing.T) {
	srv, err := New(Options{SDKAppID: 1400000123, SecretKey: "k", Admins: []string{"ops", "other"}})
	if err != nil {
		t.Fatal(err)
	}
	got := srv.ClientEnv("http://127.0.0.1:9", "/tmp/ca.pem")
	want := []string{
		"TENCENTLIVE_ENDPOINT=http://127.0.0.1:9", "TENCENTLIVE_SDK_APP_ID=1400000123",
		"TENCENTLIVE_SECRET_KEY=k", "TENCENTLIVE_IDENTIFIER=ops", "TENCENTLIVE_CA_CERT_FILE=/tmp/ca.pem",
	}
	if !slices.Equal(got, want) {
		t.Fatalf("ClientEnv = %q, want %q", got, want)
	}
}

// The lines are read back by Go (internal/e2e) and by a shell (scripts/demo.sh): both must see
// the same values, quotes and spaces included.
func TestExportsRoundTripThroughGoAndShell(t *testing.T) {
	env := []string{"A=plain-1.2:3/x", "B=it's a key", "C=", "D=$HOME `x` \"q\""}
	var buf bytes.Buffer
	if err := WriteExports(&buf, env); err != nil {
		t.Fatal(err)
	}
	back, err := ReadExports(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatalf("ReadExports(%q): %v", buf.String(), err)
	}
	if !slices.Equal(back, env) {
		t.Fatalf("ReadExports = %q, want %q", back, env)
	}
	sh, err := exec.LookPath("sh")
	if err != nil {
		t.Fatal("no sh to source the lines with")
	}
	out, err := exec.Command(sh, "-c", buf.String()+`printf '%s\n' "$A" "$B" "$C" "$D"`).Output()
	if err != nil {
		t.Fatal(err)
	}
	if want := "plain-1.2:3/x\nit's a key\n\n$HOME `x` \"q\"\n"; string(out) != want {
		t.Fatalf("sh sees %q, want %q", out, want)
	}
}

func TestReadExportsRefusesOtherLines(t *testing.T) {
	for _, in := range []string{"listening on http://x\n", "export A\n", "export A=$(rm)\n", "export A='open\n", "export 1A=x\n"} {
		if _, err := ReadExports(strings.NewReader(in)); err == nil {
			t.Errorf("ReadExports(%q) = nil error", in)
		}
	}
}
