package room

import (
	"context"
	"fmt"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// The room resource moves its model in and out of Terraform values through roomModel.fields
// instead of tfsdk's Get and Set: those walk the struct tags by reflection and compile a regexp
// per field on every call, which with the garbage it leaves was a third of the provider's CPU
// in a 1000-room plan. TestRoomCodecMatchesFramework holds the two to the same result.

// modelField is one attribute of a model: its name and the model field behind it.
type modelField struct {
	name string
	get  func() attr.Value
	set  func(attr.Value) bool // false when v is not the field's type
}

func fieldOf[T attr.Value](name string, p *T) modelField {
	return modelField{
		name: name,
		get:  func() attr.Value { return *p },
		set: func(v attr.Value) bool {
			t, ok := v.(T)
			if ok {
				*p = t
			}
			return ok
		},
	}
}

// fields binds every attribute of roomAttributes to its field of m.
func (m *roomModel) fields() []modelField {
	out := make([]modelField, len(roomAttributes))
	for i, a := range roomAttributes {
		out[i] = a.bind(m, a.name)
	}
	return out
}

// roomTypes are the room schema's attribute types and object type, built once.
var roomTypes = sync.OnceValues(func() (map[string]attr.Type, tftypes.Type) {
	ctx := context.Background()
	var resp resource.SchemaResponse
	(&roomResource{}).Schema(ctx, resource.SchemaRequest{}, &resp)
	types := make(map[string]attr.Type, len(resp.Schema.Attributes))
	for name, a := range resp.Schema.Attributes {
		types[name] = a.GetType()
	}
	return types, resp.Schema.Type().TerraformType(ctx)
})

// roomFrom reads a room object (a plan, state or configuration's Raw) into a model.
func roomFrom(ctx context.Context, raw tftypes.Value) (roomModel, diag.Diagnostics) {
	var m roomModel
	var diags diag.Diagnostics
	attrs := map[string]tftypes.Value{}
	if !raw.IsNull() {
		if err := raw.As(&attrs); err != nil {
			diags.AddError("Unable to read live room data", "The provider could not decode the room object: "+err.Error())
			return m, diags
		}
	}
	types, _ := roomTypes()
	for _, f := range m.fields() {
		typ := types[f.name]
		tv, ok := attrs[f.name]
		if !ok {
			tv = tftypes.NewValue(typ.TerraformType(ctx), nil)
		}
		v, err := typ.ValueFromTerraform(ctx, tv)
		if err == nil && !f.set(v) {
			err = fmt.Errorf("got %T", v)
		}
		if err != nil {
			diags.AddError("Unable to read live room data", fmt.Sprintf("The provider could not decode attribute %q: %s", f.name, err))
		}
	}
	return m, diags
}

// roomValue turns a model into a room object.
func roomValue(ctx context.Context, m roomModel) (tftypes.Value, diag.Diagnostics) {
	var diags diag.Diagnostics
	_, typ := roomTypes()
	fields := m.fields()
	attrs := make(map[string]tftypes.Value, len(fields))
	for _, f := range fields {
		v, err := f.get().ToTerraformValue(ctx)
		if err != nil {
			diags.AddError("Unable to write live room data", fmt.Sprintf("The provider could not encode attribute %q: %s", f.name, err))
			continue
		}
		attrs[f.name] = v
	}
	if diags.HasError() {
		return tftypes.Value{}, diags
	}
	if err := tftypes.ValidateValue(typ, attrs); err != nil {
		diags.AddError("Unable to write live room data", "The provider built an invalid room object: "+err.Error())
		return tftypes.Value{}, diags
	}
	return tftypes.NewValue(typ, attrs), diags
}

// setRoom replaces *raw (a response's plan or state) with the model.
func setRoom(ctx context.Context, raw *tftypes.Value, m roomModel, diags *diag.Diagnostics) {
	v, d := roomValue(ctx, m)
	diags.Append(d...)
	if !d.HasError() {
		*raw = v
	}
}
