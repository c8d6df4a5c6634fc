package gift

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/giftkit"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

// flattenGift sets m from what the service holds. Optional strings the service holds empty
// stay as the prior value had them (null or ""), so an import of a console-made gift and
// generated configuration plan nothing.
func flattenGift(ctx context.Context, g wire.GiftRecord, m *giftModel) diag.Diagnostics {
	m.ID = types.StringValue(g.ID)
	m.GiftID = types.StringValue(g.ID)
	m.DefaultName = types.StringValue(g.DefaultName)
	m.DefaultDesc = optionalString(g.DefaultDesc, m.DefaultDesc)
	m.Coins = types.Int64Value(g.Coins)
	m.Level = types.Int64Value(g.Level)
	m.IconURL = optionalString(g.IconURL, m.IconURL)
	m.ResourceURL = optionalString(g.ResourceURL, m.ResourceURL)
	m.ExtensionInfo = giftkit.FlattenExtensionInfo(g.ExtensionInfo, m.ExtensionInfo)
	var diags diag.Diagnostics
	m.Languages, diags = giftkit.FlattenLanguages(ctx, g.Languages, m.Languages)
	return diags
}

// optionalString is served, or the prior value when the service holds "" and the prior value
// is "" or null.
func optionalString(served string, prior types.String) types.String {
	if served == "" && (prior.IsNull() || prior.IsUnknown() || prior.ValueString() == "") {
		if prior.IsUnknown() {
			return types.StringNull()
		}
		return prior
	}
	return types.StringValue(served)
}
