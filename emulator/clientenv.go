package emulator

import (
	"bufio"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
)

// ClientEnv is the environment that points a client (the provider, the Terraform CLI) at this
// server when it is reached at endpoint: TENCENTLIVE_ENDPOINT, TENCENTLIVE_SDK_APP_ID,
// TENCENTLIVE_SECRET_KEY (the emulator's development key, public on purpose) and
// TENCENTLIVE_IDENTIFIER (the first App Admin), as "K=V" strings. caCertFile, when set, is
// added as TENCENTLIVE_CA_CERT_FILE.
func (s *Server) ClientEnv(endpoint, caCertFile string) []string {
	env := []string{
		"TENCENTLIVE_ENDPOINT=" + endpoint,
		"TENCENTLIVE_SDK_APP_ID=" + strconv.FormatUint(s.opts.SDKAppID, 10),
		"TENCENTLIVE_SECRET_KEY=" + s.opts.SecretKey,
		"TENCENTLIVE_IDENTIFIER=" + s.opts.Admins[0],
	}
	if caCertFile != "" {
		env = append(env, "TENCENTLIVE_CA_CERT_FILE="+caCertFile)
	}
	return env
}

// WriteExports writes env ("K=V" strings) as `export K=V` lines a POSIX shell can source, with
// each value quoted when it needs to be.
func WriteExports(w io.Writer, env []string) error {
	var b strings.Builder
	for _, kv := range env {
		k, v, _ := strings.Cut(kv, "=")
		fmt.Fprintf(&b, "export %s=%s\n", k, shellQuote(v))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// ReadExports reads what WriteExports wrote back into "K=V" strings.
func ReadExports(r io.Reader) ([]string, error) {
	var env []string
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		kv, ok := strings.CutPrefix(line, "export ")
		k, v, hasValue := strings.Cut(kv, "=")
		if !ok || !hasValue || !envName.MatchString(k) {
			return nil, fmt.Errorf("not an export line: %q", line)
		}
		v, err := shellUnquote(v)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", k, err)
		}
		env = append(env, k+"="+v)
	}
	return env, sc.Err()
}

var (
	envName   = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)
	shellSafe = regexp.MustCompile(`^[A-Za-z0-9_./:@%+,=-]+$`)
)

func shellQuote(v string) string {
	if shellSafe.MatchString(v) {
		return v
	}
	return "'" + strings.ReplaceAll(v, "'", `'\''`) + "'"
}

func shellUnquote(v string) (string, error) {
	if !strings.HasPrefix(v, "'") {
		if v != "" && !shellSafe.MatchString(v) {
			return "", fmt.Errorf("unquoted value %q", v)
		}
		return v, nil
	}
	var b strings.Builder
	for v != "" {
		quoted, ok := strings.CutPrefix(v, "'")
		if !ok {
			return "", fmt.Errorf("bad quoting near %q", v)
		}
		end := strings.IndexByte(quoted, '\'')
		if end < 0 {
			return "", fmt.Errorf("unterminated quote")
		}
		b.WriteString(quoted[:end])
		v = quoted[end+1:]
		if rest, ok := strings.CutPrefix(v, `\'`); ok {
			b.WriteByte('\'')
			v = rest
		}
	}
	return b.String(), nil
}
