package account

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
)

func (a *accountResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	defer a.data.SetIdentity(ctx, resp.Identity, &resp.State, "user_id", &resp.Diagnostics)
	tfkit.WalkOf(a.data).ApplyStarted()
	const summary = "Unable to update account"
	var plan, state accountModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	plan.ID = plan.UserID
	if plan.Nick.Equal(state.Nick) && plan.FaceURL.Equal(state.FaceURL) {
		// Only delete_on_destroy or timeouts changed: nothing to send.
		resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
		return
	}
	c := a.data.APIClient(summary, resp.Diagnostics.AddError)
	if c == nil {
		return
	}
	timeout, diags := plan.Timeouts.Update(ctx, defaultAccountTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	if err := c.ImportAccount(ctx, expandAccount(plan)); err != nil {
		addAccountError(&resp.Diagnostics, summary, plan.UserID.ValueString(), "update", err, "")
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}
