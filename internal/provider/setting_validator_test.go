package provider

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
)

// diagText joins the details of the error diagnostics, "" when there are none.
func diagText(diags diag.Diagnostics) string {
	var parts []string
	for _, d := range diags.Errors() {
		parts = append(parts, d.Detail())
	}
	return strings.Join(parts, "\n")
}

func TestProviderStringSettings(t *testing.T) {
	endpoint := settingValidator{env: tfkit.EnvEndpoint, str: endpointCheck}
	region := settingValidator{env: tfkit.EnvRegion, str: checkRegion}
	cases := []struct {
		name  string
		v     validator.String
		attr  string
		value types.String
		want  string // "" = valid
	}{
		{"endpoint https", endpoint, "endpoint", types.StringValue("https://console.tim.qq.com"), ""},
		{"endpoint http loopback", endpoint, "endpoint", types.StringValue("http://127.0.0.1:8080"), ""},
		// Left to resolveConfig, which knows insecure_http_endpoint (TestResolveConfigPlainHTTP).
		{"endpoint http remote", endpoint, "endpoint", types.StringValue("http://example.com"), ""},
		{"region", region, "region", types.StringValue("usa"), ""},
		{"unknown region", region, "region", types.StringValue("mars"),
			`region (TENCENTLIVE_REGION) is "mars"; it must be one of china, frankfurt, jakarta, mumbai, seoul, singapore, tokyo, usa.`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			resp := &validator.StringResponse{}
			tc.v.ValidateString(context.Background(), validator.StringRequest{Path: path.Root(tc.attr), ConfigValue: tc.value}, resp)
			got := diagText(resp.Diagnostics)
			if tc.want == "" && got != "" {
				t.Fatalf("want valid, got %q", got)
			}
			if tc.want != "" && !strings.HasPrefix(got, tc.want) {
				t.Fatalf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestProviderNumberSettings(t *testing.T) {
	rate := settingValidator{env: tfkit.EnvRequestsPerSecond, float: checkRate}
	for value, want := range map[float64]string{
		0.5: "", 200: "",
		0:     "requests_per_second (TENCENTLIVE_REQUESTS_PER_SECOND) is 0; it must be above 0 and at most 200, the documented per-command rate (60007 above it).",
		200.5: "requests_per_second (TENCENTLIVE_REQUESTS_PER_SECOND) is 200.5; it must be above 0 and at most 200, the documented per-command rate (60007 above it).",
	} {
		resp := &validator.Float64Response{}
		rate.ValidateFloat64(context.Background(), validator.Float64Request{
			Path: path.Root("requests_per_second"), ConfigValue: types.Float64Value(value)}, resp)
		if got := diagText(resp.Diagnostics); got != want {
			t.Errorf("requests_per_second %v: got %q, want %q", value, got, want)
		}
	}
	retries := settingValidator{env: tfkit.EnvMaxRetries, int64: checkMaxRetries}
	for value, want := range map[int64]string{
		0: "", 20: "",
		21: "max_retries (TENCENTLIVE_MAX_RETRIES) is 21; it must be between 0 and 20.",
		-1: "max_retries (TENCENTLIVE_MAX_RETRIES) is -1; it must be between 0 and 20.",
	} {
		resp := &validator.Int64Response{}
		retries.ValidateInt64(context.Background(), validator.Int64Request{
			Path: path.Root("max_retries"), ConfigValue: types.Int64Value(value)}, resp)
		if got := diagText(resp.Diagnostics); got != want {
			t.Errorf("max_retries %v: got %q, want %q", value, got, want)
		}
	}
}
