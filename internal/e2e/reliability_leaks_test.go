package e2e

import (
	"archive/zip"
	"bytes"
	"compress/zlib"
	"encoding/base64"
	"fmt"
	"io"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/tencentyun/tls-sig-api-v2-golang/tencentyun"
)

// A UserSig is made inside the provider and never shown to the test, so the scanner recognises
// one by its structure: TLSSigAPIv2 is base64 with '+' '/' '=' written as '*' '-' '_', of a zlib
// stream of JSON with "TLS.sig". Any run of 60+ characters of that alphabet (or standard
// base64's) is tried from every 'e' in it (a zlib header, 0x78, always encodes as 'e'); a run
// that inflates to such JSON, even a truncated one, is a leak.

var (
	sigCandidate = regexp.MustCompile(`[A-Za-z0-9*_+/=-]{60,}`)
	// usersig=VALUE in a URL or a log; VALUE may only be the mask.
	usersigParam = regexp.MustCompile(`(?i)usersig(?:=|%3D)([^&\s"'<>\\]*)`)
	// "usersig": "VALUE" in a JSON log line; VALUE may only be the mask.
	usersigField = regexp.MustCompile(`(?i)"usersig"\s*:\s*"([^"]*)"`)
	sigAlphabet  = strings.NewReplacer("*", "+", "-", "/", "_", "=")
	percentForms = strings.NewReplacer("%2A", "*", "%2a", "*", "%2B", "+", "%2b", "+", "%2F", "/", "%2f", "/", "%3D", "=", "%3d", "=")
)

// mask is what the provider writes in place of a UserSig.
const mask = "***"

// leakScan is the result of scanning some text.
type leakScan struct {
	Findings   []string // where and what, never the secret itself
	Candidates int      // runs tried as UserSigs
}

// scanForLeaks looks for the secret key and for UserSigs in data; where names it in findings.
func scanForLeaks(where string, data []byte, secretKey string) leakScan {
	var scan leakScan
	text := string(data)
	add := func(offset int, what string) {
		scan.Findings = append(scan.Findings, fmt.Sprintf("%s at byte %d: %s", where, offset, what))
	}
	for _, form := range []string{secretKey, url.QueryEscape(secretKey)} {
		if i := strings.Index(text, form); i >= 0 {
			add(i, "the secret key")
			break
		}
	}
	// Percent-decoded too, for a sig inside an escaped URL ('*' is %2A there).
	variants := []string{text}
	if decoded := percentForms.Replace(text); decoded != text {
		variants = append(variants, decoded)
	}
	for _, variant := range variants {
		for _, loc := range sigCandidate.FindAllStringIndex(variant, -1) {
			scan.Candidates++
			if who, ok := decodeUserSig(variant[loc[0]:loc[1]]); ok {
				add(loc[0], "a UserSig for "+who)
			}
		}
	}
	for _, re := range []*regexp.Regexp{usersigParam, usersigField} {
		for _, m := range re.FindAllStringSubmatchIndex(text, -1) {
			if value := text[m[2]:m[3]]; value != "" && value != mask && value != url.QueryEscape(mask) {
				add(m[0], fmt.Sprintf("a usersig value that is not the mask (%d characters)", len(value)))
			}
		}
	}
	return scan
}

// decodeUserSig reports whether a run of characters holds a UserSig, and whose.
func decodeUserSig(run string) (identifier string, ok bool) {
	for i := 0; i+8 <= len(run); i++ {
		if run[i] != 'e' {
			continue
		}
		dec := base64.NewDecoder(base64.StdEncoding, strings.NewReader(sigAlphabet.Replace(run[i:])))
		zr, err := zlib.NewReader(dec)
		if err != nil {
			continue
		}
		doc, _ := io.ReadAll(io.LimitReader(zr, 64<<10)) // a truncated sig still yields its start
		if bytes.Contains(doc, []byte(`"TLS.sig"`)) || bytes.Contains(doc, []byte(`"TLS.identifier"`)) {
			who := "an unknown identifier"
			if _, rest, found := bytes.Cut(doc, []byte(`"TLS.identifier":"`)); found {
				if id, _, found := bytes.Cut(rest, []byte(`"`)); found {
					who = fmt.Sprintf("identifier %q", id)
				}
			}
			return who, true
		}
	}
	return "", false
}

// zipEntries returns the files inside a zip archive (a saved plan), by name.
func zipEntries(data []byte) (map[string][]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	out := map[string][]byte{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		body, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, err
		}
		out[f.Name] = body
	}
	return out, nil
}

// The scanner must find what it is meant to find, or the Secrets subtest proves nothing.
func TestReliabilityLeakDetector(t *testing.T) {
	const key = "detector-test-secret-key-0123456789"
	sig, err := tencentyun.GenUserSig(1400000000, key, "administrator", 86400)
	if err != nil {
		t.Fatal(err)
	}
	level := tencentyun.DefaultCompressionLevel
	tencentyun.DefaultCompressionLevel = zlib.BestCompression // older library versions compress
	compressed, err := tencentyun.GenUserSig(1400000000, key, "ops", 86400)
	tencentyun.DefaultCompressionLevel = level
	if err != nil {
		t.Fatal(err)
	}
	if compressed == sig || len(sig) < 100 {
		t.Fatalf("test sigs: %d and %d characters", len(sig), len(compressed))
	}

	const asSig, asKey, asParam = "a UserSig for", "the secret key", "a usersig value"
	leaks := map[string]struct{ text, want string }{
		"bare sig":               {sig, asSig},
		"compressed sig":         {"sig " + compressed + " end", asSig},
		"in a URL":               {"POST http://127.0.0.1:1/v4/x/y?sdkappid=1&usersig=" + sig + "&random=7", asSig},
		"URL-escaped":            {"url=" + url.QueryEscape(sig), asSig},
		"in JSON":                {`{"@level":"debug","token":"` + sig + `"}`, asSig},
		"glued to a request id":  {"RequestId: Id-" + sig + "-O-Seq-3", asSig},
		"glued to a word":        {"token_" + sig, asSig},
		"standard base64":        {strings.NewReplacer("*", "+", "-", "/", "_", "=").Replace(sig), asSig},
		"truncated to 80 chars":  {"partial " + sig[:80], asSig},
		"the secret key":         {"key is " + key + ".", asKey},
		"a usersig parameter":    {"GET /v4/a/b?usersig=short", asParam},
		"a usersig JSON field":   {`{"usersig": "abc"}`, asParam},
		"usersig, escaped equal": {"usersig%3Dabcdef", asParam},
	}
	for name, tc := range leaks {
		scan := scanForLeaks(name, []byte(tc.text), key)
		if !strings.Contains(strings.Join(scan.Findings, "\n"), tc.want) {
			t.Errorf("%s: findings %q, want %q", name, scan.Findings, tc.want)
		}
	}
	if scan := scanForLeaks("x", []byte(sig), key); len(scan.Findings) != 1 || !strings.Contains(scan.Findings[0], `identifier "administrator"`) {
		t.Errorf("findings for a bare sig: %q", scan.Findings)
	}

	var zlibJSON bytes.Buffer
	zw := zlib.NewWriter(&zlibJSON)
	_, _ = zw.Write([]byte(`{"TLS.ver":"no","hello":"world","padding":"` + strings.Repeat("x", 80) + `"}`))
	_ = zw.Close()
	clean := map[string]string{
		"masked parameter":        "POST http://127.0.0.1:1/v4/x/y?sdkappid=1&identifier=administrator&usersig=***&random=7",
		"masked JSON field":       `{"usersig":"***","command":"create_room"}`,
		"request id":              "RequestId: Id-0123456789abcdef0123456789abcdef-O-Seq-12",
		"long base64":             base64.StdEncoding.EncodeToString(bytes.Repeat([]byte("not a sig, just data "), 10)),
		"other zlib JSON":         base64.StdEncoding.EncodeToString(zlibJSON.Bytes()),
		"long identifier":         strings.Repeat("e", 200),
		"provider hash":           "h1:eJ0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ+/=",
		"a different secret":      "emulator-secret-key-not-for-production",
		"empty usersig parameter": "usersig=&random=1",
	}
	for name, text := range clean {
		if scan := scanForLeaks(name, []byte(text), key); len(scan.Findings) > 0 {
			t.Errorf("%s: false finding %q", name, scan.Findings)
		}
	}
}
