package wire

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-log/tflog"
	"github.com/hashicorp/terraform-plugin-log/tflogtest"
)

// A hostile or broken server echoes the request URL (usersig included) in every place it can;
// none of it may reach an error or a log line.
func TestNoSecretInErrorsOrLogs(t *testing.T) {
	echo := func(n int, req recorded, w http.ResponseWriter, r *http.Request) {
		sig := req.Query.Get("usersig")
		full := r.URL.String()
		switch n {
		case 0: // transient, with the raw sig and the secret in ErrorInfo
			writeFail(w, n, 100001, "internal error for sig "+sig+" key "+testKey)
		case 1: // a gateway page quoting the URL
			w.WriteHeader(http.StatusBadGateway)
			_, _ = w.Write([]byte("<html>upstream failed: POST " + full + "</html>"))
		case 2: // expired: forces a second sig
			writeFail(w, n, 70001, "usersig "+sig+" expired")
		default: // final, permanent failure quoting the URL and the sig in the RequestId
			writeJSON(w, map[string]any{"ActionStatus": "FAIL", "ErrorCode": 100002,
				"ErrorInfo": "bad request " + full, "RequestId": "Id-" + sig})
		}
	}
	api := newFakeAPI(t, nil, echo)
	c := newTestClient(t, api, newFakeClock(), nil)

	var logs bytes.Buffer
	ctx := tflogtest.RootLogger(context.Background(), &logs)
	err := c.DestroyRoom(ctx, "r")
	if CodeOf(err) != 100002 {
		t.Fatalf("err = %v, want the final 100002", err)
	}

	secrets := []string{testKey}
	for _, r := range api.Requests() {
		sig := r.Query.Get("usersig")
		secrets = append(secrets, sig, url.QueryEscape(sig))
	}
	if len(api.Requests()) != 4 || c.Stats().UserSigsSigned != 2 {
		t.Fatalf("%d requests, %d sigs: the scenario did not run", len(api.Requests()), c.Stats().UserSigsSigned)
	}
	texts := map[string]string{"error": err.Error(), "logs": logs.String()}
	for where, text := range texts {
		for _, s := range secrets {
			if strings.Contains(text, s) {
				t.Errorf("%s contain a secret (%d chars)", where, len(s))
			}
		}
	}
	if !strings.Contains(err.Error(), "usersig=***") {
		t.Errorf("error %q: the echoed URL should show a masked usersig", err)
	}

	entries, jerr := tflogtest.MultilineJSONDecode(&logs)
	if jerr != nil {
		t.Fatal(jerr)
	}
	var attempts int
	for _, e := range entries {
		if e["command"] == "destroy_room" && e["attempt"] != nil && e["duration"] != nil {
			attempts++
			if _, ok := e["request_id"]; !ok {
				t.Errorf("log entry without request_id: %v", e)
			}
			if _, ok := e["code"]; !ok {
				t.Errorf("log entry without code: %v", e)
			}
		}
	}
	if attempts != 4 {
		t.Errorf("%d attempt log entries, want 4:\n%s", attempts, texts["logs"])
	}
}

func TestConnectionErrorDoesNotQuoteTheURL(t *testing.T) {
	c, err := New(Config{SDKAppID: testAppID, SecretKey: testKey, Identifier: testAdmin, BaseURL: "http://127.0.0.1:1",
		Clock: newFakeClock(), MaxRetries: 0})
	if err != nil {
		t.Fatal(err)
	}
	err = c.DestroyRoom(context.Background(), "r")
	var ce *ConnectionError
	if !errors.As(err, &ce) {
		t.Fatalf("err = %v", err)
	}
	if strings.Contains(err.Error(), "usersig") || strings.Contains(err.Error(), "?") {
		t.Errorf("connection error quotes the URL: %q", err)
	}
}

func TestConfigValidation(t *testing.T) {
	valid := Config{SDKAppID: testAppID, SecretKey: testKey, Identifier: testAdmin, BaseURL: "https://console.tim.qq.com"}
	tests := []struct {
		name   string
		mod    func(*Config)
		fields []string
	}{
		{"all missing", func(c *Config) { *c = Config{} }, []string{"SDKAppID", "SecretKey", "Identifier", "BaseURL"}},
		{"sdkappid too big", func(c *Config) { c.SDKAppID = 1 << 40 }, []string{"SDKAppID"}},
		{"identifier too long", func(c *Config) { c.Identifier = strings.Repeat("a", 33) }, []string{"Identifier"}},
		{"plain http off loopback", func(c *Config) { c.BaseURL = "http://console.tim.qq.com" }, []string{"BaseURL", "loopback"}},
		{"not a base URL", func(c *Config) { c.BaseURL = "https://console.tim.qq.com/?x=1" }, []string{"BaseURL"}},
		{"other scheme", func(c *Config) { c.BaseURL = "ftp://127.0.0.1" }, []string{"BaseURL"}},
		{"userinfo", func(c *Config) { c.BaseURL = "https://user:" + testKey + "@example.com" }, []string{"BaseURL"}},
		{"negative rate", func(c *Config) { c.RequestsPerSecond = -1 }, []string{"RequestsPerSecond"}},
		{"negative timeout", func(c *Config) { c.RequestTimeout = -1 }, []string{"RequestTimeout"}},
	}
	for _, tt := range tests {
		cfg := valid
		tt.mod(&cfg)
		_, err := New(cfg)
		if err == nil {
			t.Errorf("%s: accepted", tt.name)
			continue
		}
		for _, f := range tt.fields {
			if !strings.Contains(err.Error(), f) {
				t.Errorf("%s: error %q does not name %s", tt.name, err, f)
			}
		}
		if strings.Contains(err.Error(), testKey) {
			t.Errorf("%s: error contains the secret key", tt.name)
		}
	}

	for _, base := range []string{"https://console.tim.qq.com/", "http://127.0.0.1:8080", "http://localhost:9", "http://[::1]:80/prefix"} {
		cfg := valid
		cfg.BaseURL = base
		c, err := New(cfg)
		if err != nil {
			t.Errorf("%s rejected: %v", base, err)
			continue
		}
		u := c.requestURL("live_engine_http_srv", "create_room", "s")
		if !strings.HasPrefix(u, strings.TrimSuffix(base, "/")+"/v4/live_engine_http_srv/create_room?") {
			t.Errorf("%s: URL %s", base, u)
		}
	}
}

func TestCallRejectsPathInjection(t *testing.T) {
	api := newFakeAPI(t, nil, alwaysOK)
	c := newTestClient(t, api, newFakeClock(), nil)
	for _, cmd := range []string{"", "create_room?x=1", "../admin", "Create_Room"} {
		if err := c.Call(context.Background(), "live_engine_http_srv", cmd, nil, nil); err == nil {
			t.Errorf("command %q accepted", cmd)
		}
	}
	if len(api.Requests()) != 0 {
		t.Error("a request was sent")
	}
}

// logEverythingTransport logs, with the request's context, the whole request URL and the secret
// key: what a debugging transport or an SDK logging from below the client could write.
type logEverythingTransport struct {
	next http.RoundTripper
	key  string
}

func (l logEverythingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	tflog.Debug(r.Context(), "sending "+r.URL.String(), map[string]any{
		"url": r.URL.String(), "usersig": r.URL.Query().Get("usersig"), "secret_key": l.key, "note": "key " + l.key,
	})
	return l.next.RoundTrip(r)
}

// The client masks the secret key and the UserSig in every log line written with a request's
// context, whatever writes it; this holds the masking alone, with no error text involved.
func TestRequestContextMasksSecretsInLogs(t *testing.T) {
	api := newFakeAPI(t, nil, func(n int, _ recorded, w http.ResponseWriter, _ *http.Request) {
		writeFail(w, n, 100004, "room does not exist")
	})
	c := newTestClient(t, api, newFakeClock(), func(cfg *Config) {
		cfg.HTTPClient = &http.Client{Transport: logEverythingTransport{next: api.Client().Transport, key: testKey}}
	})
	// A sig with the characters URL escaping changes ("*" becomes %2A), as real sigs often have.
	c.sigs.sign = func(int, string, string, int) (string, error) { return "eAEA*sig-with*stars_and-dashes*", nil }
	var logs bytes.Buffer
	ctx := tflogtest.RootLogger(context.Background(), &logs)
	if _, err := c.GetRoomInfo(ctx, "r"); CodeOf(err) != 100004 {
		t.Fatalf("GetRoomInfo: %v, want 100004", err)
	}
	if len(api.Requests()) == 0 {
		t.Fatal("no request reached the server")
	}
	sig := api.Requests()[0].Query.Get("usersig")
	if sig != "eAEA*sig-with*stars_and-dashes*" {
		t.Fatalf("the request carried usersig %q, not the test's sig", sig)
	}
	if !strings.Contains(logs.String(), "sending ") {
		t.Fatalf("the transport's line is missing:\n%s", logs.String())
	}
	for _, s := range []string{testKey, sig, url.QueryEscape(sig)} {
		if strings.Contains(logs.String(), s) {
			t.Errorf("a log line carries a secret (%d chars)", len(s))
		}
	}
}
