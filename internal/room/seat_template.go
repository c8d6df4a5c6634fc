package room

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
)

// seat_template is a string whose two landscape spellings (livespec.LandscapeConsole and
// livespec.LandscapeSDK) name one template. The custom type says so to the framework: its
// semantic equality keeps the prior spelling when a read or an apply returns the other one,
// and keepSeatTemplateSpelling plans the prior spelling when only the configuration's differs.
// Terraform accepts a planned value equal to a non-null prior state for a configured
// attribute, so such a change plans nothing, in either direction, and after an import too.

var (
	_ basetypes.StringTypable                    = seatTemplateType{}
	_ basetypes.StringValuableWithSemanticEquals = seatTemplateValue{}
)

// seatTemplateType is the schema type of seat_template.
type seatTemplateType struct{ basetypes.StringType }

func (t seatTemplateType) Equal(o attr.Type) bool {
	other, ok := o.(seatTemplateType)
	return ok && t.StringType.Equal(other.StringType)
}

func (seatTemplateType) String() string { return "room.seatTemplateType" }

func (seatTemplateType) ValueFromString(_ context.Context, in basetypes.StringValue) (basetypes.StringValuable, diag.Diagnostics) {
	return seatTemplateValue{StringValue: in}, nil
}

func (t seatTemplateType) ValueFromTerraform(ctx context.Context, in tftypes.Value) (attr.Value, error) {
	v, err := t.StringType.ValueFromTerraform(ctx, in)
	if err != nil {
		return nil, err
	}
	s, ok := v.(basetypes.StringValue)
	if !ok {
		return nil, fmt.Errorf("unexpected value type %T", v)
	}
	return seatTemplateValue{StringValue: s}, nil
}

func (seatTemplateType) ValueType(context.Context) attr.Value { return seatTemplateValue{} }

// seatTemplateValue is a value of seat_template.
type seatTemplateValue struct{ basetypes.StringValue }

func (v seatTemplateValue) Equal(o attr.Value) bool {
	other, ok := o.(seatTemplateValue)
	return ok && v.StringValue.Equal(other.StringValue)
}

func (seatTemplateValue) Type(context.Context) attr.Type { return seatTemplateType{} }

// StringSemanticEquals reports whether two known values name the same template.
func (v seatTemplateValue) StringSemanticEquals(_ context.Context, other basetypes.StringValuable) (bool, diag.Diagnostics) {
	o, ok := other.(seatTemplateValue)
	if !ok || !v.IsKnown() || !o.IsKnown() {
		return false, nil
	}
	return sameSeatTemplate(v.ValueString(), o.ValueString()), nil
}

// IsKnown reports whether v holds a template name.
func (v seatTemplateValue) IsKnown() bool { return !v.IsNull() && !v.IsUnknown() }

// seatTemplateOf returns name as a seat_template value.
func seatTemplateOf(name string) seatTemplateValue {
	return seatTemplateValue{StringValue: types.StringValue(name)}
}

// sameSeatTemplate reports whether two template strings name the same template; the two
// landscape spellings both mean template 200.
func sameSeatTemplate(a, b string) bool {
	if a == b {
		return true
	}
	ta, okA := livespec.LookupSeatTemplate(a)
	tb, okB := livespec.LookupSeatTemplate(b)
	return okA && okB && ta.ID == tb.ID
}

// keepSeatTemplateSpelling plans the prior spelling when the configuration names the same
// template with the other one, so nothing is planned for it.
type keepSeatTemplateSpelling struct{}

func (keepSeatTemplateSpelling) Description(context.Context) string {
	return "Keeps the recorded spelling when the configuration names the same template with the other one."
}

func (m keepSeatTemplateSpelling) MarkdownDescription(ctx context.Context) string {
	return m.Description(ctx)
}

func (keepSeatTemplateSpelling) PlanModifyString(ctx context.Context, req planmodifier.StringRequest, resp *planmodifier.StringResponse) {
	state, plan := seatTemplateValue{StringValue: req.StateValue}, seatTemplateValue{StringValue: req.PlanValue}
	if plan.Equal(state) {
		return
	}
	if same, _ := state.StringSemanticEquals(ctx, plan); same {
		resp.PlanValue = req.StateValue
	}
}

// seatTemplateChanges reports whether going from state to plan needs a new room.
func seatTemplateChanges(state, plan types.String) bool {
	if state.IsNull() {
		return false
	}
	if plan.IsUnknown() {
		return true
	}
	return !sameSeatTemplate(state.ValueString(), plan.ValueString())
}
