package giftcategory

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/giftkit"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

// flattenCategory sets m from what the service holds.
func flattenCategory(ctx context.Context, c wire.GiftCategoryRecord, m *categoryModel) diag.Diagnostics {
	m.ID = types.StringValue(c.ID)
	m.CategoryID = types.StringValue(c.ID)
	m.DefaultName = types.StringValue(c.DefaultName)
	if c.DefaultDesc != "" || !(m.DefaultDesc.IsNull() || m.DefaultDesc.ValueString() == "") {
		m.DefaultDesc = types.StringValue(c.DefaultDesc)
	}
	if m.DefaultDesc.IsUnknown() {
		m.DefaultDesc = types.StringNull()
	}
	m.ExtensionInfo = giftkit.FlattenExtensionInfo(c.ExtensionInfo, m.ExtensionInfo)
	m.GiftIDs = tfkit.StringSet(c.GiftIDs)
	var diags diag.Diagnostics
	m.Languages, diags = giftkit.FlattenLanguages(ctx, c.Languages, m.Languages)
	return diags
}
