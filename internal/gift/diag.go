package gift

import (
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/giftkit"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
)

// giftFields maps the vendor's field names to the gift's attributes, for blame.
var giftFields = []struct{ field, attribute string }{
	{"GiftId", "gift_id"}, {"DefaultName", "default_name"}, {"DefaultDesc", "default_desc"}, {"Coins", "coins"},
	{"Level", "level"}, {"IconUrl", "icon_url"}, {"ResourceUrl", "resource_url"}, {"ExtensionInfo", "extension_info"},
	{"Language", "languages"}, {"Name", "languages"}, {"Desc", "languages"},
}

// blame names the attribute a vendor error is about: the field its message names first.
func blame(code livespec.Code, message string) string {
	if code == livespec.CodeOverPackageLimit {
		return "gift_id"
	}
	if code != livespec.CodeInvalidParam {
		return ""
	}
	best, at := "", len(message)+1
	for _, f := range giftFields {
		if i := strings.Index(message, f.field); i >= 0 && i < at {
			best, at = f.attribute, i
		}
	}
	return best
}

// addGiftError appends the diagnostic for a failed call about giftID.
func addGiftError(diags *diag.Diagnostics, summary, giftID, note string, err error) {
	giftkit.AddAPIError(diags, giftkit.Failure{Summary: summary, Subject: fmt.Sprintf("Gift %q", giftID),
		QuotaSetting: "gift_quota", Note: note}, err, blame)
}
