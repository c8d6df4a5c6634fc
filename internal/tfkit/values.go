package tfkit

import (
	"context"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Value helpers shared by the resources and data sources: between Terraform values and the
// pointers and plain Go values of the wire types.

// MapStrings returns the known string elements of m.
func MapStrings(m types.Map) map[string]string {
	out := map[string]string{}
	for k, v := range m.Elements() {
		if s, ok := v.(types.String); ok && Known(s) {
			out[k] = s.ValueString()
		}
	}
	return out
}

// SetStrings returns the known string elements of s.
func SetStrings(s types.Set) []string {
	out := make([]string, 0, len(s.Elements()))
	for _, v := range s.Elements() {
		if str, ok := v.(types.String); ok && Known(str) {
			out = append(out, str.ValueString())
		}
	}
	slices.Sort(out)
	return out
}

// StringSet returns ids as a set of strings.
func StringSet(ids []string) types.Set {
	ids = slices.Compact(slices.Sorted(slices.Values(ids)))
	elems := make([]attr.Value, 0, len(ids))
	for _, id := range ids {
		elems = append(elems, types.StringValue(id))
	}
	return types.SetValueMust(types.StringType, elems)
}

// SortedKeys returns the keys of m in order.
func SortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// TypedMap and TypedSet turn the zero value of a model built in code (roomModel{RoomID: …}),
// which has no element type, into null: not managed.
func TypedMap(m types.Map) types.Map {
	if m.ElementType(context.Background()) == nil {
		return types.MapNull(types.StringType)
	}
	return m
}

func TypedSet(s types.Set) types.Set {
	if s.ElementType(context.Background()) == nil {
		return types.SetNull(types.StringType)
	}
	return s
}

// known reports whether v holds a usable value.
func Known(v attr.Value) bool { return !v.IsNull() && !v.IsUnknown() }

// StrPtr, BoolPtr and Int64Ptr return a pointer to v's value, for a wire request field.
func StrPtr(v types.String) *string { s := v.ValueString(); return &s }
func BoolPtr(v types.Bool) *bool    { b := v.ValueBool(); return &b }
func Int64Ptr(v types.Int64) *int64 { n := v.ValueInt64(); return &n }

// ValueOr returns *p, or def when p is nil.
func ValueOr[T any](p *T, def T) T {
	if p == nil {
		return def
	}
	return *p
}

// Int64Or returns the reported value, else the prior one when known, else null.
func Int64Or(p *int64, prior types.Int64) types.Int64 {
	if p != nil {
		return types.Int64Value(*p)
	}
	if Known(prior) {
		return prior
	}
	return types.Int64Null()
}

// BoolOr returns the reported value, else the prior one when known, else null (not reported:
// get_room_info's documented field list leaves the room modes out).
func BoolOr(p *bool, prior types.Bool) types.Bool {
	if p != nil {
		return types.BoolValue(*p)
	}
	if Known(prior) {
		return prior
	}
	return types.BoolNull()
}

// NullIfUnknown returns null for an unknown v, else v.
func NullIfUnknown(v types.String) types.String {
	if v.IsUnknown() {
		return types.StringNull()
	}
	return v
}
