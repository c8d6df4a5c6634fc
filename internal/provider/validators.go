package provider

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
)

// Plan-time validators for the vendor's documented limits. Each message names the attribute,
// the limit and the code the vendor would answer, so a plan says what an apply would hit.
// Null and unknown values are not checked: unknown ones are checked again once known.

// vendorSays finishes a message with the code the API would answer.
func vendorSays(code livespec.Code) string {
	return fmt.Sprintf("(it would answer %d)", int(code))
}

// byteLength checks a string's length in UTF-8 bytes, the unit the vendor counts in.
type byteLength struct {
	min, max int
	code     livespec.Code
}

func (v byteLength) Description(context.Context) string {
	return fmt.Sprintf("length must be %d to %d UTF-8 bytes", v.min, v.max)
}
func (v byteLength) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v byteLength) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if msg := v.check(req.Path.String(), req.ConfigValue.ValueString()); msg != "" {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid "+req.Path.String(), msg)
	}
}

// check returns the diagnostic text for s, or "" when s fits.
func (v byteLength) check(name, s string) string {
	switch n := len(s); {
	case n > v.max:
		return fmt.Sprintf("%s is %d bytes; the vendor allows at most %d bytes %s.", name, n, v.max, vendorSays(v.code))
	case n < v.min && n == 0:
		return fmt.Sprintf("%s is empty; the vendor requires at least %d byte %s.", name, v.min, vendorSays(v.code))
	case n < v.min:
		return fmt.Sprintf("%s is %d bytes; the vendor requires at least %d bytes %s.", name, n, v.min, vendorSays(v.code))
	}
	return ""
}

// printableASCII accepts only 0x20–0x7E: the client SDKs refuse other room IDs (-2105), so a room
// with such an ID could be created but never joined.
type printableASCII struct{}

func (printableASCII) Description(context.Context) string {
	return "must contain only printable ASCII characters (0x20-0x7E)"
}
func (v printableASCII) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (printableASCII) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	s := req.ConfigValue.ValueString()
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			resp.Diagnostics.AddAttributeError(req.Path, "Invalid "+req.Path.String(), fmt.Sprintf(
				"%s has a byte outside printable ASCII (0x%02X at byte %d); the client SDKs accept only 0x20-0x7E in a room ID (they would answer -2105), so nobody could join the room.",
				req.Path.String(), s[i], i))
			return
		}
	}
}

// roomIDChars accepts only TRTC's string room ID set (livespec.IsRoomIDChar): the REST API
// creates a room with another printable character, but no client can join it.
type roomIDChars struct{}

func (roomIDChars) Description(context.Context) string {
	return "must contain only letters, digits, space and " + strings.Join(strings.Split(livespec.RoomIDSymbols, ""), " ")
}
func (v roomIDChars) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v roomIDChars) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	s := req.ConfigValue.ValueString()
	var bad []string
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case livespec.IsRoomIDChar(c):
		case c >= 0x20 && c < 0x7f:
			bad = append(bad, fmt.Sprintf("%q at byte %d", s[i:i+1], i))
		default:
			bad = append(bad, fmt.Sprintf("0x%02X at byte %d", c, i))
		}
	}
	if len(bad) == 0 {
		return
	}
	if len(bad) > 5 {
		bad = append(bad[:5], fmt.Sprintf("and %d more", len(bad)-5))
	}
	resp.Diagnostics.AddAttributeError(req.Path, "Invalid "+req.Path.String(), fmt.Sprintf(
		"%s %q has characters outside TRTC's string room ID set: %s. A room ID %s (the client SDKs join string room IDs only from these 89 characters and answer -2105 otherwise), so nobody could enter the room.",
		req.Path.String(), s, strings.Join(bad, ", "), v.Description(ctx)))
}

// oneOf accepts one of a fixed set of strings.
type oneOf struct {
	values []string
	code   livespec.Code
}

func (v oneOf) Description(context.Context) string {
	return "must be one of " + strings.Join(v.values, ", ")
}
func (v oneOf) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v oneOf) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	s := req.ConfigValue.ValueString()
	for _, ok := range v.values {
		if s == ok {
			return
		}
	}
	resp.Diagnostics.AddAttributeError(req.Path, "Invalid "+req.Path.String(), fmt.Sprintf(
		"%s is %q; the vendor accepts one of %s %s.", req.Path.String(), s, strings.Join(v.values, ", "), vendorSays(v.code)))
}

// listAtMost limits the number of elements of a list.
type listAtMost struct {
	max  int
	code livespec.Code
}

func (v listAtMost) Description(context.Context) string {
	return fmt.Sprintf("must hold at most %d values", v.max)
}
func (v listAtMost) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v listAtMost) ValidateList(_ context.Context, req validator.ListRequest, resp *validator.ListResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if n := len(req.ConfigValue.Elements()); n > v.max {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid "+req.Path.String(), fmt.Sprintf(
			"%s has %d values; the vendor allows at most %d %s.", req.Path.String(), n, v.max, vendorSays(v.code)))
	}
}

// int64AtLeast rejects counts below min (negative or zero seat and member counts).
type int64AtLeast struct {
	min  int64
	code livespec.Code
}

func (v int64AtLeast) Description(context.Context) string {
	return fmt.Sprintf("must be at least %d", v.min)
}
func (v int64AtLeast) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v int64AtLeast) ValidateInt64(_ context.Context, req validator.Int64Request, resp *validator.Int64Response) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if n := req.ConfigValue.ValueInt64(); n < v.min {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid "+req.Path.String(), fmt.Sprintf(
			"%s is %d; the vendor requires at least %d %s.", req.Path.String(), n, v.min, vendorSays(v.code)))
	}
}

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
