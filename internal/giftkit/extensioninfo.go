package giftkit

import (
	"context"
	"encoding/json"
	"fmt"
	"reflect"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// extension_info is JSON text the app defines. The service may store it reformatted, and
// users write it with jsonencode or by hand, so two texts holding the same JSON value are one
// value: key order and spacing never show as a change.

var (
	_ basetypes.StringTypable                    = ExtensionInfoType{}
	_ basetypes.StringValuableWithSemanticEquals = ExtensionInfo{}
)

// ExtensionInfoType is the attribute type of extension_info.
type ExtensionInfoType struct{ basetypes.StringType }

func (t ExtensionInfoType) String() string { return "giftkit.ExtensionInfoType" }

func (t ExtensionInfoType) ValueType(context.Context) attr.Value { return ExtensionInfo{} }

func (t ExtensionInfoType) Equal(o attr.Type) bool {
	_, ok := o.(ExtensionInfoType)
	return ok
}

func (t ExtensionInfoType) ValueFromString(_ context.Context, in basetypes.StringValue) (basetypes.StringValuable, diag.Diagnostics) {
	return ExtensionInfo{StringValue: in}, nil
}

func (t ExtensionInfoType) ValueFromTerraform(ctx context.Context, in tftypes.Value) (attr.Value, error) {
	v, err := t.StringType.ValueFromTerraform(ctx, in)
	if err != nil {
		return nil, err
	}
	s, ok := v.(basetypes.StringValue)
	if !ok {
		return nil, fmt.Errorf("unexpected value type %T", v)
	}
	return ExtensionInfo{StringValue: s}, nil
}

// ExtensionInfo is an extension_info value.
type ExtensionInfo struct{ basetypes.StringValue }

// NewExtensionInfo returns the value for text.
func NewExtensionInfo(text string) ExtensionInfo {
	return ExtensionInfo{StringValue: basetypes.NewStringValue(text)}
}

// ExtensionInfoNull is an unset extension_info.
func ExtensionInfoNull() ExtensionInfo { return ExtensionInfo{StringValue: basetypes.NewStringNull()} }

func (v ExtensionInfo) Type(context.Context) attr.Type { return ExtensionInfoType{} }

func (v ExtensionInfo) Equal(o attr.Value) bool {
	other, ok := o.(ExtensionInfo)
	return ok && v.StringValue.Equal(other.StringValue)
}

// StringSemanticEquals reports whether both texts hold the same JSON value.
func (v ExtensionInfo) StringSemanticEquals(_ context.Context, newValuable basetypes.StringValuable) (bool, diag.Diagnostics) {
	other, ok := newValuable.(ExtensionInfo)
	if !ok {
		return false, nil
	}
	return SameJSON(v.ValueString(), other.ValueString()), nil
}

// SameJSON reports whether two texts hold the same JSON value; texts that are not JSON are
// equal only as text.
func SameJSON(a, b string) bool {
	if a == b {
		return true
	}
	var va, vb any
	if json.Unmarshal([]byte(a), &va) != nil || json.Unmarshal([]byte(b), &vb) != nil {
		return false
	}
	return reflect.DeepEqual(va, vb)
}

// FlattenExtensionInfo is the value to keep for what the service holds: the prior text when it
// is the same JSON (so the user's spelling stays), null for an empty text the configuration
// left unset.
func FlattenExtensionInfo(served string, prior ExtensionInfo) ExtensionInfo {
	switch {
	case !prior.IsNull() && !prior.IsUnknown() && SameJSON(prior.ValueString(), served):
		return prior
	case served == "":
		return ExtensionInfoNull()
	}
	return NewExtensionInfo(served)
}

// KeepPriorSpelling returns prior when planned holds the same JSON, so that a respelled
// extension_info (key order, spacing) plans no change: Terraform accepts a planned value equal
// to the prior one as the provider's statement that the configuration means the same.
func KeepPriorSpelling(planned, prior ExtensionInfo) ExtensionInfo {
	if planned.IsNull() || planned.IsUnknown() || prior.IsNull() || prior.IsUnknown() {
		return planned
	}
	if SameJSON(planned.ValueString(), prior.ValueString()) {
		return prior
	}
	return planned
}
