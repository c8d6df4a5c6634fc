package tfkit

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

func identityData(t *testing.T, appID uint64) *ProviderData {
	t.Helper()
	c, err := wire.New(wire.Config{SDKAppID: appID, SecretKey: "k", Identifier: "admin", BaseURL: "http://127.0.0.1:1"})
	if err != nil {
		t.Fatal(err)
	}
	return &ProviderData{Client: c}
}

func identityOf(t *testing.T, roomID string, appID *int64) *tfsdk.ResourceIdentity {
	t.Helper()
	s := IdentitySchema("room_id", "the room")
	id := &tfsdk.ResourceIdentity{Schema: s, Raw: tftypes.NewValue(s.Type().TerraformType(context.Background()), nil)}
	ctx := context.Background()
	if diags := id.SetAttribute(ctx, path.Root("room_id"), roomID); diags.HasError() {
		t.Fatal(diags)
	}
	app := types.Int64Null()
	if appID != nil {
		app = types.Int64Value(*appID)
	}
	if diags := id.SetAttribute(ctx, path.Root(SDKAppIDAttribute), app); diags.HasError() {
		t.Fatal(diags)
	}
	return id
}

func TestImportedID(t *testing.T) {
	ctx := context.Background()
	d := identityData(t, 1400000000)
	same, other := int64(1400000000), int64(1400000001)
	cases := []struct {
		name     string
		importID string
		identity *tfsdk.ResourceIdentity
		want     string
		refused  bool
	}{
		{"import ID", "r1", nil, "r1", false},
		{"identity without application", "", identityOf(t, "r2", nil), "r2", false},
		{"identity of this application", "", identityOf(t, "r3", &same), "r3", false},
		{"identity of another application", "", identityOf(t, "r4", &other), "", true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var diags diag.Diagnostics
			got := d.ImportedID(ctx, tc.importID, tc.identity, "room_id", &diags)
			if got != tc.want || diags.HasError() != tc.refused {
				t.Fatalf("got %q, %v", got, diags)
			}
			if tc.refused && !strings.Contains(diags[0].Detail(), "application 1400000001, but the provider is configured for application 1400000000") {
				t.Fatalf("detail %q", diags[0].Detail())
			}
		})
	}
}

// SetIdentity records the object's ID and the provider's application, and nothing for an
// object no longer in state.
func TestSetIdentity(t *testing.T) {
	ctx := context.Background()
	d := identityData(t, 1400000000)
	stateType := tftypes.Object{AttributeTypes: map[string]tftypes.Type{"room_id": tftypes.String}}
	s := IdentitySchema("room_id", "the room")
	newIdentity := func() *tfsdk.ResourceIdentity {
		return &tfsdk.ResourceIdentity{Schema: s, Raw: tftypes.NewValue(s.Type().TerraformType(ctx), nil)}
	}
	state := &tfsdk.State{Raw: tftypes.NewValue(stateType, map[string]tftypes.Value{"room_id": tftypes.NewValue(tftypes.String, "r1")}),
		Schema: identitySchemaAsState()}
	id := newIdentity()
	var diags diag.Diagnostics
	d.SetIdentity(ctx, id, state, "room_id", &diags)
	if diags.HasError() {
		t.Fatal(diags)
	}
	var roomID types.String
	var app types.Int64
	id.GetAttribute(ctx, path.Root("room_id"), &roomID)
	id.GetAttribute(ctx, path.Root(SDKAppIDAttribute), &app)
	if roomID.ValueString() != "r1" || app.ValueInt64() != 1400000000 {
		t.Fatalf("identity %v, %v", roomID, app)
	}

	removed := &tfsdk.State{Raw: tftypes.NewValue(stateType, nil), Schema: identitySchemaAsState()}
	id = newIdentity()
	d.SetIdentity(ctx, id, removed, "room_id", &diags)
	if !id.Raw.IsNull() {
		t.Fatalf("an object removed from state got identity %v", id.Raw)
	}
}

// identitySchemaAsState is a resource schema with only room_id, for states in these tests.
func identitySchemaAsState() rschema.Schema {
	return rschema.Schema{Attributes: map[string]rschema.Attribute{"room_id": rschema.StringAttribute{Required: true}}}
}
