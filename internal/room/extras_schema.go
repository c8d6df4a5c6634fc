package room

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
)

// Plan behaviour of the attributes around create_room/update_room_info (the two room modes, the
// room's metadata, its admins and its robots; their schema is in schema.go). Each of the
// last three is managed only when set (null = left to the app), so adding the attribute to an
// existing configuration changes nothing else.

// keepOwnerChanges reports whether going from state to plan needs a new room.
func keepOwnerChanges(state, plan types.Bool) bool {
	return plan.IsUnknown() || (!plan.IsNull() && !plan.Equal(state))
}

// metadataLimits checks the documented metadata limits at plan time, each message naming the
// key, the limit and the code set_room_metadata would answer.
type metadataLimits struct{}

func (metadataLimits) Description(context.Context) string {
	return fmt.Sprintf("at most %d keys of 1 to %d bytes, values of at most %d bytes, %d bytes of values in all",
		livespec.MaxMetadataKeys, livespec.MaxMetadataKeyBytes, livespec.MaxMetadataValueBytes, livespec.MaxMetadataTotalBytes)
}
func (v metadataLimits) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (metadataLimits) ValidateMap(_ context.Context, req validator.MapRequest, resp *validator.MapResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	values := map[string]*string{} // nil: unknown until apply
	for k, v := range req.ConfigValue.Elements() {
		s, ok := v.(types.String)
		if ok && tfkit.Known(s) {
			values[k] = s.ValueStringPointer()
		} else {
			values[k] = nil
		}
	}
	for _, msg := range metadataProblems(values) {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid metadata", msg)
	}
}

// metadataProblems returns one message per broken limit, keys in order; values still unknown
// (nil) are left to apply.
func metadataProblems(values map[string]*string) []string {
	keys := make([]string, 0, len(values))
	for k := range values {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var out []string
	if n := len(keys); n > livespec.MaxMetadataKeys {
		out = append(out, fmt.Sprintf("metadata has %d keys; the vendor allows at most %d keys per room %s. The keys the app writes at run time count towards the same %d.",
			n, livespec.MaxMetadataKeys, tfkit.VendorSays(livespec.CodeMetadataTooManyKeys), livespec.MaxMetadataKeys))
	}
	total := 0
	for _, k := range keys {
		switch {
		case k == "":
			out = append(out, fmt.Sprintf("metadata has an empty key; the vendor requires at least 1 byte %s.", tfkit.VendorSays(livespec.CodeInvalidParam)))
		case len(k) > livespec.MaxMetadataKeyBytes:
			out = append(out, fmt.Sprintf("metadata key %q is %d bytes; the vendor allows at most %d bytes per key %s.",
				k, len(k), livespec.MaxMetadataKeyBytes, tfkit.VendorSays(livespec.CodeMetadataKeyLong)))
		}
		v := values[k]
		if v == nil {
			continue
		}
		total += len(*v)
		if len(*v) > livespec.MaxMetadataValueBytes {
			out = append(out, fmt.Sprintf("metadata[%q] is %d bytes; the vendor allows at most %d bytes per value %s.",
				k, len(*v), livespec.MaxMetadataValueBytes, tfkit.VendorSays(livespec.CodeMetadataValueLarge)))
		}
	}
	if total > livespec.MaxMetadataTotalBytes {
		out = append(out, fmt.Sprintf("metadata values are %d bytes together; the vendor allows at most %d bytes for all values of a room %s, the app's own keys included.",
			total, livespec.MaxMetadataTotalBytes, tfkit.VendorSays(livespec.CodeMetadataTotalLarge)))
	}
	return out
}

// userIDs checks each user ID of an admins or robots set: 1 to livespec.MaxUserIDBytes bytes.
type userIDs struct{}

func (userIDs) Description(context.Context) string {
	return fmt.Sprintf("each user ID must be 1 to %d bytes", livespec.MaxUserIDBytes)
}
func (v userIDs) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (userIDs) ValidateSet(_ context.Context, req validator.SetRequest, resp *validator.SetResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	name := req.Path.String()
	check := tfkit.ByteLength{Min: 1, Max: livespec.MaxUserIDBytes, Code: livespec.CodeInvalidParam}
	var msgs []string
	for _, e := range req.ConfigValue.Elements() {
		s, ok := e.(types.String)
		if !ok || !tfkit.Known(s) {
			continue
		}
		if msg := check.Check(fmt.Sprintf("%s user ID %q", name, s.ValueString()), s.ValueString()); msg != "" {
			msgs = append(msgs, msg)
		}
	}
	slices.Sort(msgs)
	for _, m := range msgs {
		resp.Diagnostics.AddAttributeError(req.Path, "Invalid "+name, strings.Replace(m, ` "" is empty`, " is empty", 1))
	}
}
