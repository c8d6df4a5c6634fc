package tfkit

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource/identityschema"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// Resource identities (Terraform 1.12+) of the room and the account: the object's ID and the
// SDKAppID of the application it lives in. Object IDs are unique only within an application, so
// an identity written under one application and imported under a provider configured for
// another is refused instead of adopting a namesake.

// SDKAppIDAttribute is the identity attribute that records the application.
const SDKAppIDAttribute = "sdk_app_id"

// IdentitySchema returns an identity schema of idAttribute (required to import) and
// sdk_app_id (optional to import: the provider's application is assumed).
func IdentitySchema(idAttribute, idDescription string) identityschema.Schema {
	return identityschema.Schema{
		Attributes: map[string]identityschema.Attribute{
			idAttribute: identityschema.StringAttribute{
				RequiredForImport: true,
				Description:       idDescription,
			},
			SDKAppIDAttribute: identityschema.Int64Attribute{
				OptionalForImport: true,
				Description: "The SDKAppID of the application the object lives in (a 32-bit number). Optional when " +
					"importing: the provider's sdk_app_id is assumed; a different one is refused, since the same ID in " +
					"another application is another object.",
			},
		},
	}
}

// SetIdentity records id and the provider's application in identity, when the framework asks
// for one (identity is nil for Terraform versions without identities) and the object is in
// state (state names idAttribute). state is read when SetIdentity runs, so a deferred call sees
// the state the method ends with.
func (d *ProviderData) SetIdentity(ctx context.Context, identity *tfsdk.ResourceIdentity, state *tfsdk.State, idAttribute string, diags *diag.Diagnostics) {
	if identity == nil || state.Raw.IsNull() {
		return
	}
	var id types.String
	diags.Append(state.GetAttribute(ctx, path.Root(idAttribute), &id)...)
	if Known(id) {
		d.RecordIdentity(ctx, identity, idAttribute, id.ValueString(), diags)
	}
}

// RecordIdentity records id and the provider's application in identity. A Read that removes
// the object calls it first: the framework wants an identity after every Read without errors,
// and a state from before identities, or an import, has none to keep.
func (d *ProviderData) RecordIdentity(ctx context.Context, identity *tfsdk.ResourceIdentity, idAttribute, id string, diags *diag.Diagnostics) {
	if identity == nil || d == nil || d.Client == nil {
		return
	}
	diags.Append(identity.SetAttribute(ctx, path.Root(idAttribute), id)...)
	diags.Append(identity.SetAttribute(ctx, path.Root(SDKAppIDAttribute), types.Int64Value(int64(d.Client.SDKAppID())))...) //nolint:gosec // SDKAppIDs are 32-bit (wire.Config checks)
}

// ImportedID returns the object ID an import names: the import ID, or the identity's
// idAttribute. An identity's sdk_app_id other than the provider's is an error naming it.
func (d *ProviderData) ImportedID(ctx context.Context, importID string, identity *tfsdk.ResourceIdentity, idAttribute string, diags *diag.Diagnostics) string {
	if importID != "" || identity == nil {
		return importID
	}
	var id types.String
	var app types.Int64
	diags.Append(identity.GetAttribute(ctx, path.Root(idAttribute), &id)...)
	diags.Append(identity.GetAttribute(ctx, path.Root(SDKAppIDAttribute), &app)...)
	if diags.HasError() {
		return ""
	}
	if Known(app) && d != nil && d.Client != nil && uint64(app.ValueInt64()) != d.Client.SDKAppID() { //nolint:gosec // compared, not converted back
		diags.AddError("Object of another application (identity sdk_app_id)",
			fmt.Sprintf("The import identity names %s %q in application %d, but the provider is configured for application %d. "+
				"IDs are unique only within an application: importing would adopt a different object of the same name. "+
				"Configure a provider (alias) for application %d and import with it.",
				idAttribute, id.ValueString(), app.ValueInt64(), d.Client.SDKAppID(), app.ValueInt64()))
		return ""
	}
	return id.ValueString()
}
