package giftkit

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/setvalidator"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
)

// ExtensionInfoText checks extension_info: at most livespec.MaxGiftExtensionInfoBytes bytes of
// JSON text holding an object of strings. The vendor checks only the length and that it is
// JSON (100002); the client SDKs read it as a string-to-string map, so anything else would be
// stored and then fail in the app.
type ExtensionInfoText struct{}

func (ExtensionInfoText) Description(context.Context) string {
	return fmt.Sprintf("JSON object of strings, at most %d bytes", livespec.MaxGiftExtensionInfoBytes)
}
func (v ExtensionInfoText) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v ExtensionInfoText) ValidateString(_ context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	if msg := CheckExtensionInfo(req.Path.String(), req.ConfigValue.ValueString()); msg != "" {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid "+req.Path.String(), msg)
	}
}

// CheckExtensionInfo returns the diagnostic text for an extension_info value, or "".
func CheckExtensionInfo(attribute, text string) string {
	limit := tfkit.ByteLength{Min: 0, Max: livespec.MaxGiftExtensionInfoBytes, Code: livespec.CodeInvalidParam}
	if msg := limit.Check(attribute, text); msg != "" {
		return msg + " Shorten the keys and values, or keep larger data in the app and put its key here."
	}
	if text == "" {
		return ""
	}
	if !json.Valid([]byte(text)) {
		return fmt.Sprintf("%s is not JSON text; the vendor stores only JSON %s. Write it with jsonencode({...}).",
			attribute, tfkit.VendorSays(livespec.CodeInvalidParam))
	}
	var fields map[string]any
	if json.Unmarshal([]byte(text), &fields) != nil || fields == nil { // null is no object either
		return fmt.Sprintf("%s is JSON but not an object; the client SDKs read it as an object of strings (a string-to-string map). Write it as jsonencode({ key = \"value\" }).", attribute)
	}
	for _, key := range sortedAnyKeys(fields) {
		if _, ok := fields[key].(string); !ok {
			return fmt.Sprintf("%s has the key %q whose value is not a string; the client SDKs read it as an object of strings (a string-to-string map). Quote the value (for example \"1\" instead of 1).", attribute, key)
		}
	}
	return ""
}

func sortedAnyKeys(m map[string]any) []string {
	keys := make(map[string]string, len(m))
	for k := range m {
		keys[k] = k
	}
	return tfkit.SortedKeys(keys)
}

// GiftNumber checks coins and level: 0 to livespec.MaxGiftNumber, the range the project holds
// the vendor's undocumented integers to (the emulator answers 100002 outside it).
type GiftNumber struct{}

func (GiftNumber) Description(context.Context) string {
	return fmt.Sprintf("must be 0 to %d", livespec.MaxGiftNumber)
}
func (v GiftNumber) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (GiftNumber) ValidateInt64(ctx context.Context, req validator.Int64Request, resp *validator.Int64Response) {
	check := &validator.Int64Response{}
	int64validator.Between(0, livespec.MaxGiftNumber).ValidateInt64(ctx, req, check)
	if check.Diagnostics.HasError() {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid "+req.Path.String(), fmt.Sprintf(
			"%s is %d; it must be from 0 to %d (a 32-bit integer, the widest every client reads) %s.",
			req.Path.String(), req.ConfigValue.ValueInt64(), livespec.MaxGiftNumber, tfkit.VendorSays(livespec.CodeInvalidParam)))
	}
}

// GiftIDs checks each gift ID of a set: 1 to livespec.MaxGiftIDBytes bytes.
func GiftIDs() validator.Set {
	return setvalidator.ValueStringsAre(tfkit.ByteLength{Min: 1, Max: livespec.MaxGiftIDBytes, Code: livespec.CodeInvalidParam})
}

// Bytes is the byte-length check of a gift or category string attribute (100002 outside it).
func Bytes(lo, hi int) []validator.String {
	return []validator.String{tfkit.ByteLength{Min: lo, Max: hi, Code: livespec.CodeInvalidParam}}
}
