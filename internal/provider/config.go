package provider

import (
	"crypto/x509"
	"fmt"
	"math"
	"net/url"
	"os"
	"sort"
	"strconv"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

// Configuration defaults. There is no default region: an application answers only on the host
// of its own data centre, and a guessed one fails with an authentication error (70016/70020).
const (
	maxMaxRetries = 20 // beyond this an apply waits minutes on one request
)

// providerModel is the provider block.
type providerModel struct {
	SDKAppID          types.Int64   `tfsdk:"sdk_app_id"`
	SecretKey         types.String  `tfsdk:"secret_key"`
	Identifier        types.String  `tfsdk:"identifier"`
	Region            types.String  `tfsdk:"region"`
	Endpoint          types.String  `tfsdk:"endpoint"`
	MaxRetries        types.Int64   `tfsdk:"max_retries"`
	RequestsPerSecond types.Float64 `tfsdk:"requests_per_second"`
	PlanChecks        types.Bool    `tfsdk:"plan_checks"`
	AdoptExisting     types.Bool    `tfsdk:"adopt_existing_rooms"`
	InsecureHTTP      types.Bool    `tfsdk:"insecure_http_endpoint"`
	CACertFile        types.String  `tfsdk:"ca_cert_file"`
	GiftQuota         types.Int64   `tfsdk:"gift_quota"`
	CategoryQuota     types.Int64   `tfsdk:"category_quota"`
	SharedGiftBudget  types.Bool    `tfsdk:"shared_gift_rate_budget"`
}

// resolvedConfig is the provider configuration after environment fallbacks and defaults.
type resolvedConfig struct {
	SDKAppID          uint64
	SecretKey         string
	Identifier        string
	BaseURL           string
	MaxRetries        int            // wire.RetryUntilDeadline, or the max_retries cap
	RequestsPerSecond float64        // 0 = the documented per-command rates
	PlanChecks        bool           // look planned rooms up at plan time (100003 / 100010)
	AdoptExisting     bool           // take over same-owner rooms that create_room finds (100010)
	AllowPlainHTTP    bool           // insecure_http_endpoint: plain http off loopback
	RootCAs           *x509.CertPool // the system's CAs plus ca_cert_file's; nil = the system's
	GiftQuota         int            // gifts the package allows (plan-time 100013)
	CategoryQuota     int            // gift categories the package allows
	SharedGiftBudget  bool           // the gift configuration commands share one 1/s budget
}

// resolveConfig applies environment fallbacks and defaults to m and checks every value. It
// reports, as unknown, the attributes whose value is not known yet (set from other resources);
// the caller then must not build a client. Every diagnostic names the attribute and its
// environment variable.
func resolveConfig(m providerModel, getenv func(string) string) (cfg resolvedConfig, unknown []string, diags diag.Diagnostics) {
	for name, v := range map[string]interface{ IsUnknown() bool }{
		"sdk_app_id": m.SDKAppID, "secret_key": m.SecretKey, "identifier": m.Identifier,
		"region": m.Region, "endpoint": m.Endpoint, "max_retries": m.MaxRetries,
		"requests_per_second": m.RequestsPerSecond, "plan_checks": m.PlanChecks,
		"adopt_existing_rooms":   m.AdoptExisting,
		"insecure_http_endpoint": m.InsecureHTTP, "ca_cert_file": m.CACertFile,
		"gift_quota": m.GiftQuota, "category_quota": m.CategoryQuota,
		"shared_gift_rate_budget": m.SharedGiftBudget,
	} {
		if v.IsUnknown() {
			unknown = append(unknown, name)
		}
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		return cfg, unknown, nil
	}

	invalid := func(attribute, env, msg string) {
		diags.AddAttributeError(path.Root(attribute), "Invalid "+attribute, fmt.Sprintf("%s (%s) %s", attribute, env, msg))
	}
	unparsable := func(attribute, env, want string) {
		diags.AddAttributeError(path.Root(attribute), "Invalid "+attribute,
			fmt.Sprintf("The %s environment variable is %q; %s must be %s.", env, getenv(env), attribute, want))
	}

	// sdk_app_id
	switch {
	case !m.SDKAppID.IsNull():
		if msg := checkSDKAppID(m.SDKAppID.ValueInt64()); msg != "" {
			invalid("sdk_app_id", tfkit.EnvSDKAppID, msg)
		}
		cfg.SDKAppID = uint64(max(m.SDKAppID.ValueInt64(), 0))
	case getenv(tfkit.EnvSDKAppID) != "":
		n, err := strconv.ParseUint(strings.TrimSpace(getenv(tfkit.EnvSDKAppID)), 10, 63)
		if err != nil || n == 0 {
			unparsable("sdk_app_id", tfkit.EnvSDKAppID, "the positive SDKAppID shown in the Tencent RTC console")
		}
		cfg.SDKAppID = n
	default:
		diags.AddAttributeError(path.Root("sdk_app_id"), "Missing sdk_app_id",
			fmt.Sprintf("Set sdk_app_id in the provider block or the %s environment variable to the SDKAppID shown in the Tencent RTC console.", tfkit.EnvSDKAppID))
	}

	// secret_key: never echoed back.
	cfg.SecretKey = stringSetting(m.SecretKey, getenv(tfkit.EnvSecretKey), "")
	if cfg.SecretKey == "" {
		diags.AddAttributeError(path.Root("secret_key"), "Missing secret_key",
			fmt.Sprintf("Set secret_key in the provider block or the %s environment variable to the application's secret key from the Tencent RTC console.", tfkit.EnvSecretKey))
	}

	// identifier
	cfg.Identifier = stringSetting(m.Identifier, getenv(tfkit.EnvIdentifier), livespec.DefaultIdentifier)
	if msg := checkIdentifier(cfg.Identifier); msg != "" {
		invalid("identifier", tfkit.EnvIdentifier, msg)
	}

	// insecure_http_endpoint, before endpoint, which it concerns.
	switch {
	case !m.InsecureHTTP.IsNull():
		cfg.AllowPlainHTTP = m.InsecureHTTP.ValueBool()
	case getenv(tfkit.EnvInsecureHTTP) != "":
		b, err := strconv.ParseBool(strings.TrimSpace(getenv(tfkit.EnvInsecureHTTP)))
		if err != nil {
			unparsable("insecure_http_endpoint", tfkit.EnvInsecureHTTP, "true or false")
		}
		cfg.AllowPlainHTTP = b
	}

	// endpoint overrides region; one of them is required.
	region := stringSetting(m.Region, getenv(tfkit.EnvRegion), "")
	if region != "" {
		if msg := checkRegion(region); msg != "" {
			invalid("region", tfkit.EnvRegion, msg)
		}
	}
	switch endpoint := stringSetting(m.Endpoint, getenv(tfkit.EnvEndpoint), ""); {
	case endpoint != "":
		base, msg := checkEndpoint(endpoint, cfg.AllowPlainHTTP)
		if msg != "" {
			invalid("endpoint", tfkit.EnvEndpoint, msg)
		}
		cfg.BaseURL = base
	case region == "":
		diags.AddAttributeError(path.Root("region"), "Missing region", tfkit.MissingRegionDetail())
	default:
		if host, ok := livespec.RegionHosts[region]; ok {
			cfg.BaseURL = "https://" + host
		}
	}

	// ca_cert_file
	if file := stringSetting(m.CACertFile, getenv(tfkit.EnvCACertFile), ""); file != "" {
		pool, msg := loadCACerts(file)
		if msg != "" {
			invalid("ca_cert_file", tfkit.EnvCACertFile, msg)
		}
		cfg.RootCAs = pool
	}

	// max_retries
	cfg.MaxRetries = wire.RetryUntilDeadline
	switch {
	case !m.MaxRetries.IsNull():
		if msg := checkMaxRetries(m.MaxRetries.ValueInt64()); msg != "" {
			invalid("max_retries", tfkit.EnvMaxRetries, msg)
		}
		cfg.MaxRetries = int(m.MaxRetries.ValueInt64())
	case getenv(tfkit.EnvMaxRetries) != "":
		n, err := strconv.Atoi(strings.TrimSpace(getenv(tfkit.EnvMaxRetries)))
		if err != nil || checkMaxRetries(int64(n)) != "" {
			unparsable("max_retries", tfkit.EnvMaxRetries, fmt.Sprintf("a whole number between 0 and %d", maxMaxRetries))
		}
		cfg.MaxRetries = n
	}

	// requests_per_second
	switch {
	case !m.RequestsPerSecond.IsNull():
		cfg.RequestsPerSecond = m.RequestsPerSecond.ValueFloat64()
		if msg := checkRate(cfg.RequestsPerSecond); msg != "" {
			invalid("requests_per_second", tfkit.EnvRequestsPerSecond, msg)
		}
	case getenv(tfkit.EnvRequestsPerSecond) != "":
		f, err := strconv.ParseFloat(strings.TrimSpace(getenv(tfkit.EnvRequestsPerSecond)), 64)
		if err != nil || checkRate(f) != "" {
			unparsable("requests_per_second", tfkit.EnvRequestsPerSecond,
				fmt.Sprintf("a number above 0 and at most %d, the documented per-command rate (60007 above it)", livespec.DefaultCommandRate))
		}
		cfg.RequestsPerSecond = f
	}

	cfg.PlanChecks = boolSetting(m.PlanChecks, "plan_checks", tfkit.EnvPlanChecks, true, getenv, unparsable)
	cfg.AdoptExisting = boolSetting(m.AdoptExisting, "adopt_existing_rooms", tfkit.EnvAdoptExisting, false, getenv, unparsable)
	cfg.GiftQuota = quotaSetting(m.GiftQuota, "gift_quota", tfkit.EnvGiftQuota, livespec.DefaultGiftQuota, getenv, invalid, unparsable)
	cfg.CategoryQuota = quotaSetting(m.CategoryQuota, "category_quota", tfkit.EnvCategoryQuota, livespec.DefaultCategoryQuota, getenv, invalid, unparsable)
	cfg.SharedGiftBudget = boolSetting(m.SharedGiftBudget, "shared_gift_rate_budget", tfkit.EnvSharedGiftBudget, false, getenv, unparsable)
	return cfg, nil, diags
}

// stringSetting returns the configured value, else the environment value, else def.
func stringSetting(v types.String, env, def string) string {
	if !v.IsNull() {
		return v.ValueString()
	}
	if env != "" {
		return env
	}
	return def
}

// boolSetting returns the configured value, else the parsed environment value, else def; an
// environment value that is not a bool is reported through unparsable.
func boolSetting(v types.Bool, attribute, env string, def bool, getenv func(string) string, unparsable func(attribute, env, want string)) bool {
	if !v.IsNull() {
		return v.ValueBool()
	}
	raw := strings.TrimSpace(getenv(env))
	if raw == "" {
		return def
	}
	b, err := strconv.ParseBool(raw)
	if err != nil {
		unparsable(attribute, env, "true or false")
		return def
	}
	return b
}

// quotaSetting returns the configured quota, else the environment's, else def.
func quotaSetting(v types.Int64, attribute, env string, def int, getenv func(string) string,
	invalid func(attribute, env, msg string), unparsable func(attribute, env, want string)) int {
	if !v.IsNull() {
		if msg := checkQuota(v.ValueInt64()); msg != "" {
			invalid(attribute, env, msg)
		}
		return int(v.ValueInt64())
	}
	raw := strings.TrimSpace(getenv(env))
	if raw == "" {
		return def
	}
	n, err := strconv.Atoi(raw)
	if err != nil || checkQuota(int64(n)) != "" {
		unparsable(attribute, env, "a whole number of at least 1")
		return def
	}
	return n
}

// The check functions below return what is wrong with a value, starting with "is …", to follow
// "<attribute> (<ENV VAR>) ", or "" when the value is fine.

func checkSDKAppID(n int64) string {
	if n <= 0 {
		return fmt.Sprintf("is %d; it must be the positive SDKAppID shown in the Tencent RTC console.", n)
	}
	return ""
}

func checkIdentifier(id string) string {
	switch {
	case id == "":
		return "is empty; it must name one of the application's App Admin accounts."
	case len(id) > livespec.MaxUserIDBytes:
		return fmt.Sprintf("is %d bytes; a UserID is at most %d bytes.", len(id), livespec.MaxUserIDBytes)
	}
	return ""
}

func checkRegion(region string) string {
	if _, ok := livespec.RegionHosts[region]; !ok {
		return fmt.Sprintf("is %q; it must be one of %s.", region, strings.Join(livespec.RegionNames(), ", "))
	}
	return ""
}

func checkMaxRetries(n int64) string {
	if n < 0 || n > maxMaxRetries {
		return fmt.Sprintf("is %d; it must be between 0 and %d.", n, maxMaxRetries)
	}
	return ""
}

func checkQuota(n int64) string {
	if n < 1 || n > math.MaxInt32 {
		return fmt.Sprintf("is %d; it must be at least 1, the number the application's package allows.", n)
	}
	return ""
}

func checkRate(r float64) string {
	if math.IsNaN(r) || r <= 0 || r > livespec.DefaultCommandRate {
		return fmt.Sprintf("is %v; it must be above 0 and at most %d, the documented per-command rate (60007 above it).", r, livespec.DefaultCommandRate)
	}
	return ""
}

// checkEndpoint parses an endpoint base URL. Plain http is accepted only for loopback hosts
// (the emulator), or anywhere when allowPlain (insecure_http_endpoint) says so: it sends the
// UserSig in clear text. It returns the base URL without a trailing slash, or a message saying
// what is wrong.
func checkEndpoint(raw string, allowPlain bool) (string, string) {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || u.Hostname() == "" {
		return "", fmt.Sprintf("is %q; it must be a base URL such as https://console.tim.qq.com.", raw)
	}
	if u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		return "", fmt.Sprintf("is %q; it must be a base URL without user info, query or fragment.", raw)
	}
	switch u.Scheme {
	case "https":
	case "http":
		if !allowPlain && !wire.IsLoopbackHost(u.Hostname()) {
			return "", fmt.Sprintf("is %q; plain http is allowed only for loopback hosts (127.0.0.0/8, ::1, localhost), since every request carries a UserSig. Use https, or set insecure_http_endpoint (%s) to true for a test service such as the emulator in a CI service container.", raw, tfkit.EnvInsecureHTTP)
		}
	default:
		return "", fmt.Sprintf("is %q; the scheme must be https (or http for a loopback host).", raw)
	}
	return strings.TrimRight(u.Scheme+"://"+u.Host+u.Path, "/"), ""
}

// loadCACerts returns the system's certificate authorities plus the PEM certificates of file,
// or a message saying what is wrong.
func loadCACerts(file string) (*x509.CertPool, string) {
	pem, err := os.ReadFile(file) //nolint:gosec // the user names the file to trust
	if err != nil {
		return nil, fmt.Sprintf("is %q, which cannot be read: %v.", file, err)
	}
	pool, err := x509.SystemCertPool()
	if err != nil || pool == nil {
		pool = x509.NewCertPool()
	}
	if !pool.AppendCertsFromPEM(pem) {
		return nil, fmt.Sprintf("is %q, which holds no PEM certificate (-----BEGIN CERTIFICATE-----).", file)
	}
	return pool, ""
}
