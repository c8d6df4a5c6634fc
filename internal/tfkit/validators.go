package tfkit

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/listvalidator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
)

// Plan-time validators for the vendor's documented limits. The checks are
// terraform-plugin-framework-validators' (LengthBetween, OneOf, SizeAtMost, AtLeast); these
// wrappers only word a refusal as the vendor would: each message names the attribute, the
// limit and the code the vendor would answer, so a plan says what an apply would hit. Null and
// unknown values are not checked (the framework validators skip them): unknown ones are checked
// again once known.

// VendorSays finishes a message with the code the API would answer.
func VendorSays(code livespec.Code) string {
	return fmt.Sprintf("(it would answer %d)", int(code))
}

// refuses reports whether the framework validator v refuses the value of req.
func refuses[Req, Resp any](validate func(context.Context, Req, *Resp), req Req, diags func(*Resp) bool) bool {
	var resp Resp
	validate(context.Background(), req, &resp)
	return diags(&resp)
}

func refusesString(v validator.String, req validator.StringRequest) bool {
	return refuses(v.ValidateString, req, func(r *validator.StringResponse) bool { return r.Diagnostics.HasError() })
}

// ByteLength checks a string's length in UTF-8 bytes, the unit the vendor counts in
// (stringvalidator.LengthBetween).
type ByteLength struct {
	Min, Max int
	Code     livespec.Code
}

func (v ByteLength) framework() validator.String { return stringvalidator.LengthBetween(v.Min, v.Max) }

func (v ByteLength) Description(context.Context) string {
	return fmt.Sprintf("length must be %d to %d UTF-8 bytes", v.Min, v.Max)
}
func (v ByteLength) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v ByteLength) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if refusesString(v.framework(), req) {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid "+req.Path.String(), v.message(req.Path.String(), req.ConfigValue.ValueString()))
	}
}

// Check returns the diagnostic text for s named name, or "" when s fits.
func (v ByteLength) Check(name, s string) string {
	if !refusesString(v.framework(), validator.StringRequest{Path: path.Root(name), ConfigValue: types.StringValue(s)}) {
		return ""
	}
	return v.message(name, s)
}

// message words a refused length.
func (v ByteLength) message(name, s string) string {
	switch n := len(s); {
	case n > v.Max:
		return fmt.Sprintf("%s is %d bytes; the vendor allows at most %d bytes %s.", name, n, v.Max, VendorSays(v.Code))
	case n == 0:
		return fmt.Sprintf("%s is empty; the vendor requires at least %d byte %s.", name, v.Min, VendorSays(v.Code))
	}
	return fmt.Sprintf("%s is %d bytes; the vendor requires at least %d bytes %s.", name, len(s), v.Min, VendorSays(v.Code))
}

// OneOf accepts one of a fixed set of strings (stringvalidator.OneOf).
type OneOf struct {
	Values []string
	Code   livespec.Code
}

func (v OneOf) Description(context.Context) string {
	return "must be one of " + strings.Join(v.Values, ", ")
}
func (v OneOf) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v OneOf) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if refusesString(stringvalidator.OneOf(v.Values...), req) {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid "+req.Path.String(), fmt.Sprintf(
			"%s is %q; the vendor accepts one of %s %s.", req.Path.String(), req.ConfigValue.ValueString(), strings.Join(v.Values, ", "), VendorSays(v.Code)))
	}
}

// ListAtMost limits the number of elements of a list (listvalidator.SizeAtMost).
type ListAtMost struct {
	Max  int
	Code livespec.Code
}

func (v ListAtMost) Description(context.Context) string {
	return fmt.Sprintf("must hold at most %d values", v.Max)
}
func (v ListAtMost) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v ListAtMost) ValidateList(_ context.Context, req validator.ListRequest, resp *validator.ListResponse) {
	if refuses(listvalidator.SizeAtMost(v.Max).ValidateList, req, func(r *validator.ListResponse) bool { return r.Diagnostics.HasError() }) {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid "+req.Path.String(), fmt.Sprintf(
			"%s has %d values; the vendor allows at most %d %s.", req.Path.String(), len(req.ConfigValue.Elements()), v.Max, VendorSays(v.Code)))
	}
}

// Int64AtLeast rejects counts below Min, such as negative or zero seat and member counts
// (int64validator.AtLeast).
type Int64AtLeast struct {
	Min  int64
	Code livespec.Code
}

func (v Int64AtLeast) Description(context.Context) string {
	return fmt.Sprintf("must be at least %d", v.Min)
}
func (v Int64AtLeast) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v Int64AtLeast) ValidateInt64(_ context.Context, req validator.Int64Request, resp *validator.Int64Response) {
	if refuses(int64validator.AtLeast(v.Min).ValidateInt64, req, func(r *validator.Int64Response) bool { return r.Diagnostics.HasError() }) {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid "+req.Path.String(), fmt.Sprintf(
			"%s is %d; the vendor requires at least %d %s.", req.Path.String(), req.ConfigValue.ValueInt64(), v.Min, VendorSays(v.Code)))
	}
}

// PrintableASCII accepts only what livespec.IsPrintableASCII does: the client SDKs refuse other
// room IDs (-2105), so a room with such an ID could be created but never joined.
type PrintableASCII struct{}

func (PrintableASCII) Description(context.Context) string {
	return "must contain only printable ASCII characters (0x20-0x7E)"
}
func (v PrintableASCII) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (PrintableASCII) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() || livespec.IsPrintableASCII(req.ConfigValue.ValueString()) {
		return
	}
	s := req.ConfigValue.ValueString()
	i := strings.IndexFunc(s, func(r rune) bool { return r < 0x20 || r > 0x7e })
	resp.Diagnostics.AddAttributeError(req.Path, "Invalid "+req.Path.String(), fmt.Sprintf(
		"%s has a byte outside printable ASCII (0x%02X at byte %d); the client SDKs accept only 0x20-0x7E in a room ID (they would answer -2105), so nobody could join the room.",
		req.Path.String(), s[i], i))
}
