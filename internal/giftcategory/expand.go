package giftcategory

import (
	"github.com/tencentlive/terraform-provider-tencentlive/internal/giftkit"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

// expandCategory is what add_gift_category and edit_gift_category send for m.
func expandCategory(m categoryModel) wire.GiftCategory {
	return wire.GiftCategory{
		ID:            m.CategoryID.ValueString(),
		DefaultName:   m.DefaultName.ValueString(),
		DefaultDesc:   m.DefaultDesc.ValueString(),
		ExtensionInfo: m.ExtensionInfo.ValueString(),
	}
}

// defaultsChanged reports whether edit_gift_category has anything to change.
func defaultsChanged(state, plan categoryModel) bool {
	return giftkit.DefaultsChanged(expandCategory(state), expandCategory(plan), func(x *wire.GiftCategory) *string { return &x.ExtensionInfo })
}

// relationChanges returns the gifts to add to and remove from a category to go from have to
// want.
func relationChanges(have, want []string) (add, remove []string) {
	inHave, inWant := map[string]bool{}, map[string]bool{}
	for _, id := range have {
		inHave[id] = true
	}
	for _, id := range want {
		inWant[id] = true
		if !inHave[id] {
			add = append(add, id)
		}
	}
	for _, id := range have {
		if !inWant[id] {
			remove = append(remove, id)
		}
	}
	return add, remove
}

// giftIDs returns m's gift_ids, sorted.
func giftIDs(m categoryModel) []string { return tfkit.SetStrings(m.GiftIDs) }
