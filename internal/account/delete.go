package account

import (
	"context"
	"errors"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

// deletionDisabledSummary is the summary of the diagnostic for an application whose console
// forbids deleting accounts.
const deletionDisabledSummary = "Account deletion is disabled for this application"

// deletionDisabledNote says what to do about it.
const deletionDisabledNote = "The application's console forbids deleting accounts, so the account is still there. " +
	"Set delete_on_destroy = false on this resource and apply, then destroy again: the account is left in place " +
	"and only removed from state. Or allow account deletion in the Tencent RTC console and destroy again."

// deletionDisabled reports whether an account_delete failure means the application does not
// allow deleting accounts: 60017 ("request disabled"), or any answer that says it is disabled
// or forbidden.
func deletionDisabled(code livespec.Code, message string) bool {
	if code == 60017 {
		return true
	}
	m := strings.ToLower(message)
	return strings.Contains(m, "disable") || strings.Contains(m, "forbid")
}

func (a *accountResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	tfkit.WalkOf(a.data).ApplyStarted()
	const summary = "Unable to delete account"
	var state accountModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	userID := state.UserID.ValueString()
	if tfkit.Known(state.DeleteOnDestroy) && !state.DeleteOnDestroy.ValueBool() {
		tflog.Info(ctx, "delete_on_destroy is false; leaving the account in place", map[string]any{"user_id": userID})
		return
	}
	c := a.data.APIClient(summary, resp.Diagnostics.AddError)
	if c == nil {
		return
	}
	timeout, diags := state.Timeouts.Delete(ctx, defaultAccountTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	results, err := c.DeleteAccounts(ctx, []string{userID})
	if err == nil {
		err = deleteResultError(results, userID)
	}
	if err == nil {
		return
	}
	var we *wire.Error
	if errors.As(err, &we) && deletionDisabled(we.Code, we.Message) {
		addAccountError(&resp.Diagnostics, deletionDisabledSummary, userID, "delete", err, deletionDisabledNote)
		return
	}
	addAccountError(&resp.Diagnostics, summary, userID, "delete", err, "")
}

// deleteResultError reads the per-account result of account_delete: success, or 70107 (no such
// account: already gone) is done; another code is an error. No result for the account means
// the envelope's success stands.
func deleteResultError(results []wire.AccountResult, userID string) error {
	for _, r := range results {
		if r.UserID != userID {
			continue
		}
		switch livespec.Code(r.ResultCode) {
		case livespec.CodeOK, livespec.CodeAccountNotImported:
			return nil
		}
		return itemError("account_delete", r.ResultCode, r.ResultInfo)
	}
	return nil
}
