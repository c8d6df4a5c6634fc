package tfkit

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
)

// Plan-time validators for the vendor's documented limits. Each message names the attribute,
// the limit and the code the vendor would answer, so a plan says what an apply would hit.
// Null and unknown values are not checked: unknown ones are checked again once known.

// VendorSays finishes a message with the code the API would answer.
func VendorSays(code livespec.Code) string {
	return fmt.Sprintf("(it would answer %d)", int(code))
}

// ByteLength checks a string's length in UTF-8 bytes, the unit the vendor counts in.
type ByteLength struct {
	Min, Max int
	Code     livespec.Code
}

func (v ByteLength) Description(context.Context) string {
	return fmt.Sprintf("length must be %d to %d UTF-8 bytes", v.Min, v.Max)
}
func (v ByteLength) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v ByteLength) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if msg := v.Check(req.Path.String(), req.ConfigValue.ValueString()); msg != "" {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid "+req.Path.String(), msg)
	}
}

// Check returns the diagnostic text for s, or "" when s fits.
func (v ByteLength) Check(name, s string) string {
	switch n := len(s); {
	case n > v.Max:
		return fmt.Sprintf("%s is %d bytes; the vendor allows at most %d bytes %s.", name, n, v.Max, VendorSays(v.Code))
	case n < v.Min && n == 0:
		return fmt.Sprintf("%s is empty; the vendor requires at least %d byte %s.", name, v.Min, VendorSays(v.Code))
	case n < v.Min:
		return fmt.Sprintf("%s is %d bytes; the vendor requires at least %d bytes %s.", name, n, v.Min, VendorSays(v.Code))
	}
	return ""
}

// PrintableASCII accepts only 0x20–0x7E: the client SDKs refuse other room IDs (-2105), so a room
// with such an ID could be created but never joined.
type PrintableASCII struct{}

func (PrintableASCII) Description(context.Context) string {
	return "must contain only printable ASCII characters (0x20-0x7E)"
}
func (v PrintableASCII) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (PrintableASCII) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
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

// OneOf accepts one of a fixed set of strings.
type OneOf struct {
	Values []string
	Code   livespec.Code
}

func (v OneOf) Description(context.Context) string {
	return "must be one of " + strings.Join(v.Values, ", ")
}
func (v OneOf) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v OneOf) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	s := req.ConfigValue.ValueString()
	for _, ok := range v.Values {
		if s == ok {
			return
		}
	}
	resp.Diagnostics.AddAttributeError(req.Path, "Invalid "+req.Path.String(), fmt.Sprintf(
		"%s is %q; the vendor accepts one of %s %s.", req.Path.String(), s, strings.Join(v.Values, ", "), VendorSays(v.Code)))
}

// ListAtMost limits the number of elements of a list.
type ListAtMost struct {
	Max  int
	Code livespec.Code
}

func (v ListAtMost) Description(context.Context) string {
	return fmt.Sprintf("must hold at most %d values", v.Max)
}
func (v ListAtMost) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v ListAtMost) ValidateList(_ context.Context, req validator.ListRequest, resp *validator.ListResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if n := len(req.ConfigValue.Elements()); n > v.Max {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid "+req.Path.String(), fmt.Sprintf(
			"%s has %d values; the vendor allows at most %d %s.", req.Path.String(), n, v.Max, VendorSays(v.Code)))
	}
}

// Int64AtLeast rejects counts below min (negative or zero seat and member counts).
type Int64AtLeast struct {
	Min  int64
	Code livespec.Code
}

func (v Int64AtLeast) Description(context.Context) string {
	return fmt.Sprintf("must be at least %d", v.Min)
}
func (v Int64AtLeast) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v Int64AtLeast) ValidateInt64(_ context.Context, req validator.Int64Request, resp *validator.Int64Response) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if n := req.ConfigValue.ValueInt64(); n < v.Min {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid "+req.Path.String(), fmt.Sprintf(
			"%s is %d; the vendor requires at least %d %s.", req.Path.String(), n, v.Min, VendorSays(v.Code)))
	}
}
