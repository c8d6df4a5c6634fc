package giftcategory

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/giftkit"
)

// categoryFields maps the vendor's field names to the category's attributes, for blame.
var categoryFields = []giftkit.FieldAttribute{
	{"CategoryId", "category_id"}, {"DefaultName", "default_name"}, {"DefaultDesc", "default_desc"},
	{"ExtensionInfo", "extension_info"}, {"GiftIdList", "gift_ids"}, {"Language", "languages"},
	{"CategoryName", "languages"}, {"CategoryDesc", "languages"},
}

// blame names the attribute a vendor error is about.
var blame = giftkit.Blame("category_id", categoryFields)

// addCategoryError appends the diagnostic for a failed call about categoryID.
func addCategoryError(diags *diag.Diagnostics, summary, categoryID, note string, err error) {
	giftkit.AddAPIError(diags, giftkit.Failure{Summary: summary, Subject: fmt.Sprintf("Gift category %q", categoryID),
		QuotaSetting: "category_quota", Note: note}, err, blame)
}
