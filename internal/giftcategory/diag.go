package giftcategory

import (
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/giftkit"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
)

// categoryFields maps the vendor's field names to the category's attributes, for blame.
var categoryFields = []struct{ field, attribute string }{
	{"CategoryId", "category_id"}, {"DefaultName", "default_name"}, {"DefaultDesc", "default_desc"},
	{"ExtensionInfo", "extension_info"}, {"GiftIdList", "gift_ids"}, {"Language", "languages"},
	{"CategoryName", "languages"}, {"CategoryDesc", "languages"},
}

func blame(code livespec.Code, message string) string {
	if code == livespec.CodeOverPackageLimit {
		return "category_id"
	}
	if code != livespec.CodeInvalidParam {
		return ""
	}
	best, at := "", len(message)+1
	for _, f := range categoryFields {
		if i := strings.Index(message, f.field); i >= 0 && i < at {
			best, at = f.attribute, i
		}
	}
	return best
}

// addCategoryError appends the diagnostic for a failed call about categoryID.
func addCategoryError(diags *diag.Diagnostics, summary, categoryID, note string, err error) {
	giftkit.AddAPIError(diags, giftkit.Failure{Summary: summary, Subject: fmt.Sprintf("Gift category %q", categoryID),
		QuotaSetting: "category_quota", Note: note}, err, blame)
}
