package giftkit

import (
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

// The code table's meanings and hints for 100012 and 100013 speak of rooms; a gift command
// answering them means the gift system's rate and quota, so the gift resources say that.

// Hint returns the gift system's hint for code, or "" to keep the code table's.
func Hint(code livespec.Code, quotaSetting string) string {
	switch code {
	case livespec.CodeCreateTooFrequent:
		return fmt.Sprintf("Every gift configuration command is limited to %d call per second per application; the provider paces "+
			"its calls and retries refusals, so another client (the console, another workspace) is sharing the budget. Apply again "+
			"when it is idle.", livespec.GiftConfigRate)
	case livespec.CodeOverPackageLimit:
		return fmt.Sprintf("The application's package allows no more; delete unused ones or upgrade the TUILiveKit package, then "+
			"raise the provider's %s to the new quota.", quotaSetting)
	case livespec.CodeInvalidParam:
		return "The vendor's message names the field it refused."
	}
	return ""
}

// PartlyCreatedNote ends the diagnostic of a create that made the object (kind: "gift", "gift
// category") but failed part way: the state holds what it reached, and Terraform taints an
// object whose create ended in an error.
func PartlyCreatedNote(kind string) string {
	return fmt.Sprintf("The %s was created and is recorded in the state with what it holds; Terraform marks it tainted, so the "+
		"next apply replaces it (deletes it and creates it again from the configuration). To have the next apply only finish "+
		"it instead, run `terraform untaint` on its address first.", kind)
}

// Failure describes a failed gift or category call.
type Failure struct {
	Summary      string // "Unable to create gift"
	Subject      string // `Gift "rose"`
	QuotaSetting string // gift_quota or category_quota
	Note         string
}

// AddAPIError appends the diagnostic for err with the gift system's wording of 100012, 100013
// and 100002, attached to the attribute blame names.
func AddAPIError(diags *diag.Diagnostics, f Failure, err error, blame func(livespec.Code, string) string) {
	code := wire.CodeOf(err)
	detail, attribute := tfkit.DescribeAPIError(tfkit.APIFailure{Subject: f.Subject, Blame: blame, Hint: Hint(code, f.QuotaSetting)}, err)
	if code == livespec.CodeCreateTooFrequent || code == livespec.CodeOverPackageLimit {
		detail = strings.Replace(detail, fmt.Sprintf("%d (%s)", int(code), code.Info().Meaning),
			fmt.Sprintf("%d (%s)", int(code), Meaning(code)), 1)
	}
	if f.Note != "" {
		detail += "\n\n" + f.Note
	}
	if attribute != "" {
		diags.AddAttributeError(path.Root(attribute), f.Summary, detail)
		return
	}
	diags.AddError(f.Summary, detail)
}

// Meaning is the gift system's meaning of a code where it differs from the code table's.
func Meaning(code livespec.Code) string {
	switch code {
	case livespec.CodeCreateTooFrequent:
		return fmt.Sprintf("called too often: the gift configuration commands allow %d call per second", livespec.GiftConfigRate)
	case livespec.CodeOverPackageLimit:
		return "over the package's gift or category quota"
	}
	return code.Info().Meaning
}
