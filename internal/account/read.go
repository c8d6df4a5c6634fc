package account

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

func (a *accountResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	defer a.data.SetIdentity(ctx, resp.Identity, &resp.State, "user_id", &resp.Diagnostics)
	const summary = "Unable to read account"
	var state accountModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	c := a.data.APIClient(summary, resp.Diagnostics.AddError)
	if c == nil {
		return
	}
	timeout, diags := state.Timeouts.Read(ctx, defaultAccountTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	userID := state.UserID.ValueString()
	imported, err := CheckImported(ctx, c, userID)
	if err != nil {
		addAccountError(&resp.Diagnostics, summary, userID, "read", err, "")
		return
	}
	if !imported {
		resp.Diagnostics.AddWarning("Account no longer exists",
			fmt.Sprintf("Account %q is not imported (account_check answers NotImported); removing it from state. The next plan imports it again.", userID))
		a.data.RecordIdentity(ctx, resp.Identity, "user_id", userID, &resp.Diagnostics)
		resp.State.RemoveResource(ctx)
		return
	}
	// Nothing else to read: the profile values stay as this resource last set them.
	state.ID = state.UserID
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}

// CheckImported asks account_check whether userID is imported.
func CheckImported(ctx context.Context, c *wire.Client, userID string) (bool, error) {
	statuses, err := c.CheckAccounts(ctx, []string{userID})
	if err != nil {
		return false, err
	}
	for _, s := range statuses {
		if s.UserID != userID {
			continue
		}
		if s.ResultCode != 0 {
			return false, itemError("account_check", s.ResultCode, s.ResultInfo)
		}
		return s.Imported, nil
	}
	return false, fmt.Errorf("account_check answered without a result for %q", userID)
}
