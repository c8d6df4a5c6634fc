package account

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
)

func (a *accountResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	defer a.data.SetIdentity(ctx, resp.Identity, &resp.State, "user_id", &resp.Diagnostics)
	tfkit.WalkOf(a.data).ApplyStarted()
	const summary = "Unable to import account"
	var plan accountModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() {
		return
	}
	c := a.data.APIClient(summary, resp.Diagnostics.AddError)
	if c == nil {
		return
	}
	timeout, diags := plan.Timeouts.Create(ctx, defaultAccountTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	userID := plan.UserID.ValueString()
	if plan.DeleteOnDestroy.IsUnknown() {
		// Unset: delete on destroy only what this resource makes, never an account that
		// another configuration, the app or the console made.
		existed, err := CheckImported(ctx, c, userID)
		if err != nil {
			addAccountError(&resp.Diagnostics, summary, userID, "create", err, "")
			return
		}
		plan.DeleteOnDestroy = types.BoolValue(!existed)
	}
	if err := c.ImportAccount(ctx, expandAccount(plan)); err != nil {
		addAccountError(&resp.Diagnostics, summary, userID, "create", err, "")
		return
	}
	plan.ID = plan.UserID
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}
