package account

import (
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

// accountSubject names an account in the detail of a diagnostic.
func accountSubject(userID string) string { return fmt.Sprintf("Account %q", userID) }

// addAccountError appends the diagnostic for a failed account call, in the shared wording.
// The shared helper's blame rules are about room fields, so the attribute is chosen here.
func addAccountError(diags *diag.Diagnostics, summary, userID, timeout string, err error, note string) {
	detail, _ := tfkit.DescribeAPIError(tfkit.APIFailure{Subject: accountSubject(userID), Timeout: timeout}, err)
	if note != "" {
		detail += "\n\n" + note
	}
	if wire.CodeOf(err) == livespec.CodeAccountReimport { // the one code about a single attribute
		diags.AddAttributeError(path.Root("user_id"), summary, detail)
		return
	}
	diags.AddError(summary, detail)
}

// itemError turns a per-account result code into an error in the wire's form, so it reads like
// any other vendor answer.
func itemError(command string, code int, info string) error {
	return &wire.Error{Command: command, Code: livespec.Code(code), Message: info}
}
