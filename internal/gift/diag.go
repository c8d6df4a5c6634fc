package gift

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/giftkit"
)

// giftFields maps the vendor's field names to the gift's attributes, for blame.
var giftFields = []giftkit.FieldAttribute{
	{"GiftId", "gift_id"}, {"DefaultName", "default_name"}, {"DefaultDesc", "default_desc"}, {"Coins", "coins"},
	{"Level", "level"}, {"IconUrl", "icon_url"}, {"ResourceUrl", "resource_url"}, {"ExtensionInfo", "extension_info"},
	{"Language", "languages"}, {"Name", "languages"}, {"Desc", "languages"},
}

// blame names the attribute a vendor error is about.
var blame = giftkit.Blame("gift_id", giftFields)

// addGiftError appends the diagnostic for a failed call about giftID.
func addGiftError(diags *diag.Diagnostics, summary, giftID, note string, err error) {
	giftkit.AddAPIError(diags, giftkit.Failure{Summary: summary, Subject: fmt.Sprintf("Gift %q", giftID),
		QuotaSetting: "gift_quota", Note: note}, err, blame)
}
