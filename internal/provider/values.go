package provider

import (
	"context"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Value helpers shared by the resources and data sources: between Terraform values and the
// pointers and plain Go values of the wire types.

// mapStrings returns the known string elements of m.
func mapStrings(m types.Map) map[string]string {
	out := map[string]string{}
	for k, v := range m.Elements() {
		if s, ok := v.(types.String); ok && known(s) {
			out[k] = s.ValueString()
		}
	}
	return out
}

// setStrings returns the known string elements of s.
func setStrings(s types.Set) []string {
	out := make([]string, 0, len(s.Elements()))
	for _, v := range s.Elements() {
		if str, ok := v.(types.String); ok && known(str) {
			out = append(out, str.ValueString())
		}
	}
	slices.Sort(out)
	return out
}

// stringSet returns ids as a set of strings.
func stringSet(ids []string) types.Set {
	ids = slices.Compact(slices.Sorted(slices.Values(ids)))
	elems := make([]attr.Value, 0, len(ids))
	for _, id := range ids {
		elems = append(elems, types.StringValue(id))
	}
	return types.SetValueMust(types.StringType, elems)
}

// sortedKeys returns the keys of m in order.
func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// typedMap and typedSet turn the zero value of a model built in code (roomModel{RoomID: …}),
// which has no element type, into null: not managed.
func typedMap(m types.Map) types.Map {
	if m.ElementType(context.Background()) == nil {
		return types.MapNull(types.StringType)
	}
	return m
}

func typedSet(s types.Set) types.Set {
	if s.ElementType(context.Background()) == nil {
		return types.SetNull(types.StringType)
	}
	return s
}

// known reports whether v holds a usable value.
func known(v attr.Value) bool { return !v.IsNull() && !v.IsUnknown() }

// strPtr, boolPtr and int64Ptr return a pointer to v's value, for a wire request field.
func strPtr(v types.String) *string { s := v.ValueString(); return &s }
func boolPtr(v types.Bool) *bool    { b := v.ValueBool(); return &b }
func int64Ptr(v types.Int64) *int64 { n := v.ValueInt64(); return &n }

// valueOr returns *p, or def when p is nil.
func valueOr[T any](p *T, def T) T {
	if p == nil {
		return def
	}
	return *p
}

// int64Or returns the reported value, else the prior one when known, else null.
func int64Or(p *int64, prior types.Int64) types.Int64 {
	if p != nil {
		return types.Int64Value(*p)
	}
	if known(prior) {
		return prior
	}
	return types.Int64Null()
}

// boolOr returns the reported value, else the prior one when known, else null (not reported:
// get_room_info's documented field list leaves the room modes out).
func boolOr(p *bool, prior types.Bool) types.Bool {
	if p != nil {
		return types.BoolValue(*p)
	}
	if known(prior) {
		return prior
	}
	return types.BoolNull()
}

// nullIfUnknown returns null for an unknown v, else v.
func nullIfUnknown(v types.String) types.String {
	if v.IsUnknown() {
		return types.StringNull()
	}
	return v
}
