package provider

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
)

// settingValidator checks a provider setting with one of the check functions of config.go, so
// a value from the provider block gets the same message as one from the environment.
type settingValidator struct {
	env    string
	str    func(string) string
	int64  func(int64) string
	float  func(float64) string
	format string // Description
}

func (v settingValidator) Description(context.Context) string { return v.format }
func (v settingValidator) MarkdownDescription(ctx context.Context) string {
	return v.Description(ctx)
}

func (v settingValidator) report(p path.Path, msg string, diags *diag.Diagnostics) {
	if msg != "" {
		diags.AddAttributeError(p, "Invalid "+p.String(), fmt.Sprintf("%s (%s) %s", p.String(), v.env, msg))
	}
}

func (v settingValidator) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if !req.ConfigValue.IsNull() && !req.ConfigValue.IsUnknown() {
		v.report(req.Path, v.str(req.ConfigValue.ValueString()), &resp.Diagnostics)
	}
}

func (v settingValidator) ValidateInt64(_ context.Context, req validator.Int64Request, resp *validator.Int64Response) {
	if !req.ConfigValue.IsNull() && !req.ConfigValue.IsUnknown() {
		v.report(req.Path, v.int64(req.ConfigValue.ValueInt64()), &resp.Diagnostics)
	}
}

func (v settingValidator) ValidateFloat64(_ context.Context, req validator.Float64Request, resp *validator.Float64Response) {
	if !req.ConfigValue.IsNull() && !req.ConfigValue.IsUnknown() {
		v.report(req.Path, v.float(req.ConfigValue.ValueFloat64()), &resp.Diagnostics)
	}
}

// endpointCheck adapts checkEndpoint to settingValidator. It leaves plain http to
// resolveConfig, which knows whether insecure_http_endpoint (perhaps from the environment)
// allows it.
func endpointCheck(s string) string { _, msg := checkEndpoint(s, true); return msg }
