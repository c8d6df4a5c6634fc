// Package provider is the tencentlive Terraform provider itself: its schema, its configuration
// (provider block, environment, defaults) and the registration of the resources, data sources,
// ephemeral resource and function. The resources live in their own packages (internal/room,
// internal/account); what they share is in internal/tfkit. Every API call goes through
// internal/wire.
package provider

import (
	"context"
	"fmt"
	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"net/http"
	"os"
	"path/filepath"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/ephemeral"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	accountresource "github.com/tencentlive/terraform-provider-tencentlive/internal/account"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/gift"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/giftcategory"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
	roomresource "github.com/tencentlive/terraform-provider-tencentlive/internal/room"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

// TypeName is the provider's type name: resources are tencentlive_*.
const TypeName = "tencentlive"

var (
	_ provider.Provider                       = &tencentliveProvider{}
	_ provider.ProviderWithEphemeralResources = &tencentliveProvider{}
	_ provider.ProviderWithFunctions          = &tencentliveProvider{}
	_ provider.ProviderWithListResources      = &tencentliveProvider{}
	_ provider.ProviderWithActions            = &tencentliveProvider{}
)

type tencentliveProvider struct {
	version    string
	getenv     func(string) string
	httpClient *http.Client // nil: wire's own; tests count or redirect the requests
}

// New returns a provider factory for providerserver.
func New(version string) func() provider.Provider {
	return func() provider.Provider {
		return &tencentliveProvider{version: version, getenv: os.Getenv}
	}
}

func (p *tencentliveProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = TypeName
	resp.Version = p.version
}

func (p *tencentliveProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "Manages Tencent RTC live rooms (TUILiveKit) through the vendor's REST API.",
		Attributes: map[string]schema.Attribute{
			"sdk_app_id": schema.Int64Attribute{
				Optional:    true,
				Description: fmt.Sprintf("SDKAppID of the application, from the Tencent RTC console. Falls back to %s. Required.", tfkit.EnvSDKAppID),
				Validators:  []validator.Int64{settingValidator{env: tfkit.EnvSDKAppID, int64: checkSDKAppID, format: "must be positive"}},
			},
			"secret_key": schema.StringAttribute{
				Optional:    true,
				Sensitive:   true,
				Description: fmt.Sprintf("The application's secret key, used to sign UserSigs locally; it is never sent, logged or stored in state. Falls back to %s. Required.", tfkit.EnvSecretKey),
			},
			"identifier": schema.StringAttribute{
				Optional: true,
				Description: fmt.Sprintf("App Admin UserID the requests are made as, at most %d bytes; also the default room owner. Falls back to %s, then %q.",
					livespec.MaxUserIDBytes, tfkit.EnvIdentifier, livespec.DefaultIdentifier),
				Validators: []validator.String{settingValidator{env: tfkit.EnvIdentifier, str: checkIdentifier, format: "must be a UserID of 1 to 32 bytes"}},
			},
			"region": schema.StringAttribute{
				Optional: true,
				Description: fmt.Sprintf("Data centre of the application: one of %s. Falls back to %s. Required unless endpoint is set, which replaces it.",
					strings.Join(livespec.RegionNames(), ", "), tfkit.EnvRegion),
				Validators: []validator.String{settingValidator{env: tfkit.EnvRegion, str: checkRegion, format: "must be a documented region"}},
			},
			"endpoint": schema.StringAttribute{
				Optional: true,
				Description: fmt.Sprintf("Base URL of the REST API (for example the emulator's), overriding region. Must be https, except for loopback hosts (127.0.0.0/8, ::1, localhost) or with insecure_http_endpoint. Falls back to %s.",
					tfkit.EnvEndpoint),
				Validators: []validator.String{settingValidator{env: tfkit.EnvEndpoint, str: endpointCheck, format: "must be an https base URL, or http for a loopback host"}},
			},
			"insecure_http_endpoint": schema.BoolAttribute{
				Optional: true,
				Description: fmt.Sprintf("Allows a plain-http endpoint off loopback, such as the emulator as a CI service container (http://emulator:8080). Every request carries a UserSig, valid for 24 hours, which then crosses that network in clear text: use it only for test services on a network you trust, never for the vendor's hosts. Falls back to %s, then false.",
					tfkit.EnvInsecureHTTP),
			},
			"ca_cert_file": schema.StringAttribute{
				Optional: true,
				Description: fmt.Sprintf("Path of a PEM file of certificate authorities to trust for https besides the system's, for an endpoint with its own certificate (such as the emulator's -tls-self-signed certificate). Falls back to %s.",
					tfkit.EnvCACertFile),
			},
			"max_retries": schema.Int64Attribute{
				Optional: true,
				Description: fmt.Sprintf("A hard cap, 0 to %d, on how many times a request that failed transiently (rate limits, internal errors, connection errors, lost answers) is repeated; 0 sends each request once. Unset (the default), retries are bounded by time alone: they go on, with backoff up to 5 s apart, until the operation's timeout runs out (the resource's timeouts block: 5 minutes for create, update and delete, 2 minutes for read, by default); a look-up outside such an operation, such as a plan-time check, retries for at most 2 minutes. Either way an endpoint that refuses connections ends a request after 3 attempts, and one that does not answer after 2. Falls back to %s.",
					maxMaxRetries, tfkit.EnvMaxRetries),
				Validators: []validator.Int64{settingValidator{env: tfkit.EnvMaxRetries, int64: checkMaxRetries, format: "must be between 0 and 20"}},
			},
			"requests_per_second": schema.Float64Attribute{
				Optional: true,
				Description: fmt.Sprintf("Client-side limit on requests per second per API command, above 0 and at most %d. Falls back to %s, then the documented per-command rates.",
					livespec.DefaultCommandRate, tfkit.EnvRequestsPerSecond),
				Validators: []validator.Float64{settingValidator{env: tfkit.EnvRequestsPerSecond, float: checkRate, format: "must be above 0 and at most 200"}},
			},
			"plan_checks": schema.BoolAttribute{
				Optional: true,
				Description: fmt.Sprintf("Whether plan looks up rooms about to be created (one get_room_info each), to report a room ID that already exists (100003 under another owner, 100010 under the same one) as a plan error instead of an apply error. The first %d rooms of a plan are always looked up; beyond them a room is looked up only when get_room_info has a request slot free, so a plan of many new rooms is not slowed down, and create_room reports the rest at apply. With false, no room is looked up. Falls back to %s, then true.",
					roomresource.PlannedChecksAlways, tfkit.EnvPlanChecks),
			},
			"adopt_existing_rooms": schema.BoolAttribute{
				Optional: true,
				Description: fmt.Sprintf("Whether a tencentlive_room about to be created may take over a room that already exists under the same owner (100010), setting its updatable attributes to the configuration. Off by default: such a room may belong to another configuration or workspace of the same application, and after a takeover both manage it and destroying either dismisses it. Without it the plan (or the apply) fails and prints the import block that adopts the room on purpose. Turn it on for one apply to recover rooms an interrupted apply created but did not record. Falls back to %s, then false.",
					tfkit.EnvAdoptExisting),
			},
			"gift_quota": schema.Int64Attribute{
				Optional: true,
				Description: fmt.Sprintf("How many gifts the application's TUILiveKit package allows, at least 1. A plan whose configuration holds more tencentlive_gift resources fails before any call, with the code the service would answer (100013). Falls back to %s, then %d, the documented figure.",
					tfkit.EnvGiftQuota, livespec.DefaultGiftQuota),
				Validators: []validator.Int64{settingValidator{env: tfkit.EnvGiftQuota, int64: checkQuota, format: "must be at least 1"}},
			},
			"category_quota": schema.Int64Attribute{
				Optional: true,
				Description: fmt.Sprintf("How many gift categories the application's package allows, at least 1. A plan whose configuration holds more tencentlive_gift_category resources fails before any call (100013). Falls back to %s, then %d, the documented figure.",
					tfkit.EnvCategoryQuota, livespec.DefaultCategoryQuota),
				Validators: []validator.Int64{settingValidator{env: tfkit.EnvCategoryQuota, int64: checkQuota, format: "must be at least 1"}},
			},
			"shared_gift_rate_budget": schema.BoolAttribute{
				Optional: true,
				Description: fmt.Sprintf("Whether the gift configuration commands share one budget of 1 call per second, as Tencent's console assumes when it spaces all of them 1.1 s apart, instead of 1 call per second each, as documented. Turn it on if an apply of gifts and categories meets refusals (100012) that the provider keeps retrying: the calls are then paced one after another, so an apply takes about one second per call. Falls back to %s, then false.",
					tfkit.EnvSharedGiftBudget),
			},
		},
	}
}

func (p *tencentliveProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var m providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	cfg, unknown, diags := resolveConfig(m, p.getenv)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	if len(unknown) > 0 {
		// Values from other resources: fine at plan, but there is no client until they are known.
		data := &tfkit.ProviderData{Settings: tfkit.Settings{NotReady: fmt.Sprintf("the provider attributes %s are not known until apply", strings.Join(unknown, ", "))}}
		if !m.Identifier.IsUnknown() {
			data.Identifier = stringSetting(m.Identifier, p.getenv(tfkit.EnvIdentifier), livespec.DefaultIdentifier)
		}
		tflog.Info(ctx, "tencentlive provider configuration not yet known; no API client", map[string]any{"unknown": unknown})
		resp.ResourceData, resp.DataSourceData, resp.EphemeralResourceData, resp.ListResourceData, resp.ActionData = data, data, data, data, data
		return
	}

	wcfg := wireConfig(cfg, p.version, req.TerraformVersion)
	wcfg.HTTPClient = p.httpClient
	if cfg.AllowPlainHTTP && strings.HasPrefix(cfg.BaseURL, "http://") {
		tflog.Warn(ctx, "insecure_http_endpoint: requests and their UserSigs go to the endpoint in clear text", map[string]any{"base_url": cfg.BaseURL})
	}
	client, err := wire.New(wcfg)
	if err != nil {
		resp.Diagnostics.AddError("Unable to configure the tencentlive provider", err.Error())
		return
	}
	tflog.Debug(ctx, "tencentlive provider configured", map[string]any{
		"sdk_app_id": cfg.SDKAppID, "identifier": cfg.Identifier, "base_url": cfg.BaseURL,
		"max_retries": cfg.MaxRetries, "requests_per_second": cfg.RequestsPerSecond,
	})
	data := &tfkit.ProviderData{Client: client, Settings: tfkit.Settings{Identifier: cfg.Identifier, PlanChecks: cfg.PlanChecks, AdoptExisting: cfg.AdoptExisting,
		GiftQuota: cfg.GiftQuota, CategoryQuota: cfg.CategoryQuota}}
	resp.ResourceData, resp.DataSourceData, resp.EphemeralResourceData, resp.ListResourceData, resp.ActionData = data, data, data, data, data
}

// wireConfig translates the resolved settings for the wire client.
func wireConfig(cfg resolvedConfig, version, terraformVersion string) wire.Config {
	return wire.Config{
		SDKAppID:             cfg.SDKAppID,
		SecretKey:            cfg.SecretKey,
		Identifier:           cfg.Identifier,
		BaseURL:              cfg.BaseURL,
		AllowPlainHTTP:       cfg.AllowPlainHTTP,
		RootCAs:              cfg.RootCAs,
		MaxRetries:           cfg.MaxRetries,
		RequestsPerSecond:    cfg.RequestsPerSecond,
		SharedGiftRateBudget: cfg.SharedGiftBudget,
		PaceLedgerDir:        paceLedgerDir(),
		UserAgent:            fmt.Sprintf("terraform-provider-tencentlive/%s (Terraform %s)", version, terraformVersion),
	}
}

// paceLedgerDir is where the provider processes of this user record when each 1 call/s command
// was last sent (wire.Config.PaceLedgerDir): the user's cache directory, else the temporary one.
func paceLedgerDir() string {
	if dir, err := os.UserCacheDir(); err == nil {
		return filepath.Join(dir, "tencentlive", "pace")
	}
	return filepath.Join(os.TempDir(), fmt.Sprintf("tencentlive-pace-%d", os.Getuid()))
}

func (p *tencentliveProvider) Resources(context.Context) []func() resource.Resource {
	return []func() resource.Resource{roomresource.NewResource, accountresource.NewResource, gift.NewResource, giftcategory.NewResource}
}

func (p *tencentliveProvider) DataSources(context.Context) []func() datasource.DataSource {
	return []func() datasource.DataSource{roomresource.NewDataSource, roomresource.NewRoomsDataSource, gift.NewGiftsDataSource}
}

func (p *tencentliveProvider) EphemeralResources(context.Context) []func() ephemeral.EphemeralResource {
	return []func() ephemeral.EphemeralResource{NewUserSigEphemeral}
}

func (p *tencentliveProvider) ListResources(context.Context) []func() list.ListResource {
	return []func() list.ListResource{roomresource.NewList, gift.NewList, giftcategory.NewList}
}

func (p *tencentliveProvider) Actions(context.Context) []func() action.Action {
	return []func() action.Action{roomresource.NewMessageAction}
}

func (p *tencentliveProvider) Functions(context.Context) []func() function.Function {
	return []func() function.Function{NewOccurrencesFunction}
}
