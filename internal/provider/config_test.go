package provider

import (
	"crypto/x509"
	"encoding/pem"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

func envOf(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

func TestResolveConfigDefaultsAndEnv(t *testing.T) {
	cfg, unknown, diags := resolveConfig(nullModel(), envOf(map[string]string{
		tfkit.EnvSDKAppID: "1400000001", tfkit.EnvSecretKey: "s3cret", tfkit.EnvRegion: "jakarta",
	}))
	if diags.HasError() || unknown != nil {
		t.Fatalf("unexpected diagnostics %v / unknown %v", diags, unknown)
	}
	want := resolvedConfig{SDKAppID: 1400000001, SecretKey: "s3cret", Identifier: "administrator",
		BaseURL: "https://adminapiidn.im.qcloud.com", MaxRetries: wire.RetryUntilDeadline, PlanChecks: true,
		GiftQuota: livespec.DefaultGiftQuota, CategoryQuota: livespec.DefaultCategoryQuota}
	if cfg != want {
		t.Fatalf("got %+v\nwant %+v", cfg, want)
	}
}

func TestResolveConfigPrefersConfigOverEnv(t *testing.T) {
	m := nullModel()
	m.SDKAppID = types.Int64Value(7)
	m.SecretKey = types.StringValue("from-config")
	m.Identifier = types.StringValue("admin2")
	m.Region = types.StringValue("singapore")
	m.MaxRetries = types.Int64Value(0)
	m.RequestsPerSecond = types.Float64Value(20)
	m.PlanChecks = types.BoolValue(false)
	m.GiftQuota = types.Int64Value(100)
	cfg, _, diags := resolveConfig(m, envOf(map[string]string{
		tfkit.EnvSDKAppID: "9", tfkit.EnvSecretKey: "from-env", tfkit.EnvIdentifier: "envadmin", tfkit.EnvRegion: "usa",
		tfkit.EnvMaxRetries: "3", tfkit.EnvRequestsPerSecond: "5", tfkit.EnvPlanChecks: "true",
		tfkit.EnvGiftQuota: "50", tfkit.EnvCategoryQuota: "10",
	}))
	if diags.HasError() {
		t.Fatal(diags)
	}
	want := resolvedConfig{SDKAppID: 7, SecretKey: "from-config", Identifier: "admin2",
		BaseURL: "https://adminapisgp.im.qcloud.com", MaxRetries: 0, RequestsPerSecond: 20, GiftQuota: 100, CategoryQuota: 10}
	if cfg != want {
		t.Fatalf("got %+v\nwant %+v", cfg, want)
	}
}

func TestResolveConfigEndpointOverridesRegion(t *testing.T) {
	m := nullModel()
	m.SDKAppID, m.SecretKey = types.Int64Value(1), types.StringValue("k")
	m.Region = types.StringValue("tokyo")
	for endpoint, base := range map[string]string{
		"http://127.0.0.1:8080/":     "http://127.0.0.1:8080",
		"http://localhost:9":         "http://localhost:9",
		"http://[::1]:9/":            "http://[::1]:9",
		"http://127.9.9.9":           "http://127.9.9.9",
		"https://proxy.example/tim/": "https://proxy.example/tim",
	} {
		m.Endpoint = types.StringValue(endpoint)
		cfg, _, diags := resolveConfig(m, envOf(nil))
		if diags.HasError() || cfg.BaseURL != base {
			t.Errorf("endpoint %q: base %q, diags %v; want %q", endpoint, cfg.BaseURL, diags, base)
		}
	}
}

func TestResolveConfigRegions(t *testing.T) {
	hosts := map[string]string{}
	for _, region := range livespec.RegionNames() {
		m := nullModel()
		m.SDKAppID, m.SecretKey, m.Region = types.Int64Value(1), types.StringValue("k"), types.StringValue(region)
		cfg, _, diags := resolveConfig(m, envOf(nil))
		if diags.HasError() || !strings.HasPrefix(cfg.BaseURL, "https://") {
			t.Fatalf("region %s: %q %v", region, cfg.BaseURL, diags)
		}
		if other, dup := hosts[cfg.BaseURL]; dup {
			t.Fatalf("regions %s and %s share %s", region, other, cfg.BaseURL)
		}
		hosts[cfg.BaseURL] = region
	}
	if len(hosts) != 8 {
		t.Fatalf("want the 8 documented data centres, got %d", len(hosts))
	}
}

// Every diagnostic names the attribute and, where the value can come from it, the environment
// variable; the secret key never appears.
func TestResolveConfigDiagnostics(t *testing.T) {
	valid := map[string]string{tfkit.EnvSDKAppID: "1", tfkit.EnvSecretKey: "topsecret", tfkit.EnvRegion: "usa"}
	with := func(k, v string) map[string]string {
		out := map[string]string{}
		for a, b := range valid {
			out[a] = b
		}
		out[k] = v
		return out
	}
	cases := []struct {
		name      string
		env       map[string]string
		attribute string
		want      string
	}{
		{"missing app id", map[string]string{tfkit.EnvSecretKey: "topsecret", tfkit.EnvRegion: "usa"}, "sdk_app_id",
			"Set sdk_app_id in the provider block or the TENCENTLIVE_SDK_APP_ID environment variable"},
		{"bad app id", with(tfkit.EnvSDKAppID, "abc"), "sdk_app_id",
			`The TENCENTLIVE_SDK_APP_ID environment variable is "abc"; sdk_app_id must be the positive SDKAppID`},
		{"missing secret", map[string]string{tfkit.EnvSDKAppID: "1", tfkit.EnvRegion: "usa"}, "secret_key",
			"Set secret_key in the provider block or the TENCENTLIVE_SECRET_KEY environment variable"},
		{"bad region", with(tfkit.EnvRegion, "mars"), "region",
			`region (TENCENTLIVE_REGION) is "mars"; it must be one of china, frankfurt, jakarta, mumbai, seoul, singapore, tokyo, usa.`},
		{"missing region", map[string]string{tfkit.EnvSDKAppID: "1", tfkit.EnvSecretKey: "topsecret"}, "region",
			"Set region in the provider block or the TENCENTLIVE_REGION environment variable to the data centre of the application."},
		{"http endpoint", with(tfkit.EnvEndpoint, "http://10.0.0.1:80"), "endpoint",
			`endpoint (TENCENTLIVE_ENDPOINT) is "http://10.0.0.1:80"; plain http is allowed only for loopback hosts (127.0.0.0/8, ::1, localhost), since every request carries a UserSig. Use https, or set insecure_http_endpoint (TENCENTLIVE_INSECURE_HTTP_ENDPOINT) to true`},
		{"insecure http not a bool", with(tfkit.EnvInsecureHTTP, "yes please"), "insecure_http_endpoint",
			`The TENCENTLIVE_INSECURE_HTTP_ENDPOINT environment variable is "yes please"; insecure_http_endpoint must be true or false.`},
		{"ca file missing", with(tfkit.EnvCACertFile, "/nonexistent/ca.pem"), "ca_cert_file",
			`ca_cert_file (TENCENTLIVE_CA_CERT_FILE) is "/nonexistent/ca.pem", which cannot be read`},
		{"endpoint without host", with(tfkit.EnvEndpoint, "console.tim.qq.com"), "endpoint",
			`endpoint (TENCENTLIVE_ENDPOINT) is "console.tim.qq.com"; it must be a base URL such as https://console.tim.qq.com.`},
		{"ftp endpoint", with(tfkit.EnvEndpoint, "ftp://127.0.0.1"), "endpoint", "the scheme must be https"},
		{"long identifier", with(tfkit.EnvIdentifier, strings.Repeat("a", 33)), "identifier",
			"identifier (TENCENTLIVE_IDENTIFIER) is 33 bytes; a UserID is at most 32 bytes."},
		{"bad retries", with(tfkit.EnvMaxRetries, "-1"), "max_retries",
			`The TENCENTLIVE_MAX_RETRIES environment variable is "-1"; max_retries must be a whole number between 0 and 20.`},
		{"bad rate", with(tfkit.EnvRequestsPerSecond, "500"), "requests_per_second",
			`The TENCENTLIVE_REQUESTS_PER_SECOND environment variable is "500"; requests_per_second must be a number above 0 and at most 200, the documented per-command rate (60007 above it).`},
		{"rate not a number", with(tfkit.EnvRequestsPerSecond, "fast"), "requests_per_second",
			`The TENCENTLIVE_REQUESTS_PER_SECOND environment variable is "fast"; requests_per_second must be a number above 0`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, _, diags := resolveConfig(nullModel(), envOf(tc.env))
			if diags.ErrorsCount() != 1 {
				t.Fatalf("want one error, got %v", diags)
			}
			d := diags.Errors()[0]
			if !strings.Contains(d.Summary(), tc.attribute) || !strings.Contains(d.Detail(), tc.want) {
				t.Fatalf("got %q / %q\nwant summary naming %s and detail containing %q", d.Summary(), d.Detail(), tc.attribute, tc.want)
			}
			if strings.Contains(d.Detail(), "topsecret") {
				t.Fatal("the secret key leaked into a diagnostic")
			}
		})
	}
}

func TestResolveConfigUnknownSkipsChecks(t *testing.T) {
	m := nullModel()
	m.SecretKey = types.StringUnknown()
	m.Endpoint = types.StringUnknown()
	_, unknown, diags := resolveConfig(m, envOf(nil)) // sdk_app_id missing: not reported yet
	if diags.HasError() {
		t.Fatalf("unknown values must not fail: %v", diags)
	}
	if strings.Join(unknown, ",") != "endpoint,secret_key" {
		t.Fatalf("unknown = %v", unknown)
	}
}

func TestWireConfig(t *testing.T) {
	cfg := resolvedConfig{SDKAppID: 1, SecretKey: "k", Identifier: "admin", BaseURL: "https://x", MaxRetries: 0, RequestsPerSecond: 5}
	w := wireConfig(cfg, "1.2.3", "1.11.4")
	if w.MaxRetries != 0 {
		t.Errorf("max_retries = 0 must disable retries, got %d", w.MaxRetries)
	}
	if w.UserAgent != "terraform-provider-tencentlive/1.2.3 (Terraform 1.11.4)" || w.RequestsPerSecond != 5 || w.BaseURL != "https://x" {
		t.Errorf("got %+v", w)
	}
	cfg.MaxRetries = 3
	if w := wireConfig(cfg, "", ""); w.MaxRetries != 3 {
		t.Errorf("max_retries 3 became %d", w.MaxRetries)
	}
	cfg.MaxRetries = wire.RetryUntilDeadline
	if w := wireConfig(cfg, "", ""); w.MaxRetries != wire.RetryUntilDeadline {
		t.Errorf("max_retries unset must leave wire's count open, got %d", w.MaxRetries)
	}
}

// shared_gift_rate_budget reaches the wire client, and every client records its 1 call/s sends
// in the user's pace ledger.
func TestWireConfigGiftPacing(t *testing.T) {
	cfg := resolvedConfig{SDKAppID: 1, SecretKey: "k", Identifier: "admin", BaseURL: "https://x"}
	if w := wireConfig(cfg, "", ""); w.SharedGiftRateBudget || !filepath.IsAbs(w.PaceLedgerDir) {
		t.Fatalf("default: shared budget %v (want false), pace ledger %q (want an absolute directory)", w.SharedGiftRateBudget, w.PaceLedgerDir)
	}
	cfg.SharedGiftBudget = true
	if !wireConfig(cfg, "", "").SharedGiftRateBudget {
		t.Fatal("shared_gift_rate_budget did not reach the wire client")
	}
}

func TestResolveConfigPlanChecksFromEnv(t *testing.T) {
	base := map[string]string{tfkit.EnvSDKAppID: "1400000001", tfkit.EnvSecretKey: "s3cret", tfkit.EnvRegion: "china"}
	with := func(v string) map[string]string {
		env := map[string]string{tfkit.EnvPlanChecks: v}
		for k, val := range base {
			env[k] = val
		}
		return env
	}
	cfg, _, diags := resolveConfig(nullModel(), envOf(with("false")))
	if diags.HasError() || cfg.PlanChecks {
		t.Fatalf("TENCENTLIVE_PLAN_CHECKS=false: PlanChecks %v, diags %v", cfg.PlanChecks, diags)
	}
	_, _, diags = resolveConfig(nullModel(), envOf(with("maybe")))
	if !diags.HasError() {
		t.Fatal("an unparsable TENCENTLIVE_PLAN_CHECKS was accepted")
	}
	detail := diags.Errors()[0].Summary() + " " + diags.Errors()[0].Detail()
	if !strings.Contains(detail, "plan_checks") || !strings.Contains(detail, tfkit.EnvPlanChecks) {
		t.Errorf("the diagnostic must name plan_checks and %s: %s", tfkit.EnvPlanChecks, detail)
	}
}

// adopt_existing_rooms and shared_gift_rate_budget are off unless the block or the environment
// turns them on; a value that is not a bool names the variable.
func TestResolveConfigOptInSettings(t *testing.T) {
	for _, tc := range []struct {
		attribute, env string
		get            func(resolvedConfig) bool
		set            func(*providerModel, types.Bool)
	}{
		{"adopt_existing_rooms", tfkit.EnvAdoptExisting,
			func(c resolvedConfig) bool { return c.AdoptExisting }, func(m *providerModel, v types.Bool) { m.AdoptExisting = v }},
		{"shared_gift_rate_budget", tfkit.EnvSharedGiftBudget,
			func(c resolvedConfig) bool { return c.SharedGiftBudget }, func(m *providerModel, v types.Bool) { m.SharedGiftBudget = v }},
	} {
		t.Run(tc.attribute, func(t *testing.T) {
			env := map[string]string{tfkit.EnvSDKAppID: "1400000001", tfkit.EnvSecretKey: "s3cret", tfkit.EnvRegion: "china"}
			if cfg, _, _ := resolveConfig(nullModel(), envOf(env)); tc.get(cfg) {
				t.Fatalf("%s must default to false", tc.attribute)
			}
			env[tc.env] = "true"
			if cfg, _, _ := resolveConfig(nullModel(), envOf(env)); !tc.get(cfg) {
				t.Fatalf("%s=true must turn it on", tc.env)
			}
			m := nullModel()
			tc.set(&m, types.BoolValue(false))
			if cfg, _, _ := resolveConfig(m, envOf(env)); tc.get(cfg) {
				t.Fatal("the provider block overrides the environment")
			}
			env[tc.env] = "yes please"
			_, _, diags := resolveConfig(nullModel(), envOf(env))
			if !diags.HasError() || !strings.Contains(diags.Errors()[0].Detail(), tc.env) {
				t.Fatalf("want an error naming %s, got %v", tc.env, diags)
			}
		})
	}
}

// Neither region nor endpoint: an error that lists every region with its host and says where
// the console shows the application's data centre. An endpoint alone is enough.
func TestResolveConfigMissingRegion(t *testing.T) {
	_, _, diags := resolveConfig(nullModel(), envOf(map[string]string{tfkit.EnvSDKAppID: "1", tfkit.EnvSecretKey: "k"}))
	if diags.ErrorsCount() != 1 || diags.Errors()[0].Summary() != "Missing region" {
		t.Fatalf("diags %v", diags)
	}
	detail := diags.Errors()[0].Detail()
	for name, host := range livespec.RegionHosts {
		if !strings.Contains(detail, "  - "+name+": "+host+"\n") && !strings.HasSuffix(detail, name+": "+host) {
			t.Errorf("the detail does not list %s (%s):\n%s", name, host, detail)
		}
	}
	for _, want := range []string{"Tencent RTC console", "Basic Information", "70016 or 70020", tfkit.EnvRegion, tfkit.EnvEndpoint} {
		if !strings.Contains(detail, want) {
			t.Errorf("the detail does not mention %q:\n%s", want, detail)
		}
	}

	cfg, _, diags := resolveConfig(nullModel(), envOf(map[string]string{tfkit.EnvSDKAppID: "1", tfkit.EnvSecretKey: "k", tfkit.EnvEndpoint: "http://127.0.0.1:9"}))
	if diags.HasError() || cfg.BaseURL != "http://127.0.0.1:9" {
		t.Fatalf("endpoint without region: %q %v", cfg.BaseURL, diags)
	}
}

// Plain http off loopback needs insecure_http_endpoint, from the block or the environment.
func TestResolveConfigPlainHTTP(t *testing.T) {
	m := nullModel()
	m.SDKAppID, m.SecretKey = types.Int64Value(1), types.StringValue("k")
	m.Endpoint = types.StringValue("http://emulator:8080")
	if _, _, diags := resolveConfig(m, envOf(nil)); !diags.HasError() {
		t.Fatal("plain http off loopback accepted without insecure_http_endpoint")
	}
	if _, _, diags := resolveConfig(m, envOf(map[string]string{tfkit.EnvInsecureHTTP: "false"})); !diags.HasError() {
		t.Fatal("plain http off loopback accepted with insecure_http_endpoint false")
	}
	cfg, _, diags := resolveConfig(m, envOf(map[string]string{tfkit.EnvInsecureHTTP: "true"}))
	if diags.HasError() || cfg.BaseURL != "http://emulator:8080" || !cfg.AllowPlainHTTP {
		t.Fatalf("from the environment: %+v %v", cfg, diags)
	}
	m.InsecureHTTP = types.BoolValue(true)
	cfg, _, diags = resolveConfig(m, envOf(map[string]string{tfkit.EnvInsecureHTTP: "false"}))
	if diags.HasError() || !cfg.AllowPlainHTTP {
		t.Fatalf("the block wins over the environment: %+v %v", cfg, diags)
	}
	if w := wireConfig(cfg, "", ""); !w.AllowPlainHTTP {
		t.Error("AllowPlainHTTP not passed to wire")
	}
}

func TestResolveConfigCACertFile(t *testing.T) {
	dir := t.TempDir()
	notPEM := filepath.Join(dir, "not.pem")
	if err := os.WriteFile(notPEM, []byte("hello"), 0o600); err != nil {
		t.Fatal(err)
	}
	m := nullModel()
	m.SDKAppID, m.SecretKey, m.Region = types.Int64Value(1), types.StringValue("k"), types.StringValue("china")
	m.CACertFile = types.StringValue(notPEM)
	_, _, diags := resolveConfig(m, envOf(nil))
	if diags.ErrorsCount() != 1 || !strings.Contains(diags.Errors()[0].Detail(), "holds no PEM certificate") {
		t.Fatalf("diags %v", diags)
	}

	srv := httptest.NewTLSServer(http.NotFoundHandler())
	defer srv.Close()
	caFile := filepath.Join(dir, "ca.pem")
	if err := os.WriteFile(caFile, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: srv.Certificate().Raw}), 0o600); err != nil {
		t.Fatal(err)
	}
	m.CACertFile = types.StringNull()
	cfg, _, diags := resolveConfig(m, envOf(map[string]string{tfkit.EnvCACertFile: caFile}))
	if diags.HasError() || cfg.RootCAs == nil {
		t.Fatalf("diags %v", diags)
	}
	if _, err := srv.Certificate().Verify(x509.VerifyOptions{Roots: cfg.RootCAs}); err != nil {
		t.Errorf("the file's certificate is not trusted: %v", err)
	}
}
