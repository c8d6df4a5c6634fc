package gift

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/giftkit"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

// expandGift is what add_gift and edit_gift send for m: every default field, blanks included
// (edit_gift replaces them all).
func expandGift(m giftModel) wire.Gift {
	return wire.Gift{
		ID:            m.GiftID.ValueString(),
		DefaultName:   m.DefaultName.ValueString(),
		DefaultDesc:   m.DefaultDesc.ValueString(),
		Coins:         m.Coins.ValueInt64(),
		Level:         m.Level.ValueInt64(),
		IconURL:       m.IconURL.ValueString(),
		ResourceURL:   m.ResourceURL.ValueString(),
		ExtensionInfo: m.ExtensionInfo.ValueString(),
	}
}

// defaultsChanged reports whether edit_gift has anything to change from state to plan; the
// extension_info texts are compared as JSON.
func defaultsChanged(state, plan giftModel) bool {
	return giftkit.DefaultsChanged(expandGift(state), expandGift(plan), func(x *wire.Gift) *string { return &x.ExtensionInfo })
}

// expandLanguages returns m's translations.
func expandLanguages(ctx context.Context, m giftModel) (wire.Languages, diag.Diagnostics) {
	return giftkit.ExpandLanguages(ctx, m.Languages)
}
