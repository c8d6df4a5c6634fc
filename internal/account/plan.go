package account

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
)

// ModifyPlan records the accounts this plan creates (see tfkit.Walk.PlanAccount) and warns
// when a profile value is removed from the configuration: the service keeps it, because
// account_import cannot clear a value.
func (a *accountResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return
	}
	if req.State.Raw.IsNull() {
		// Rooms of this plan that name the account must not be refused for its absence.
		var userID types.String
		resp.Diagnostics.Append(req.Plan.GetAttribute(ctx, path.Root("user_id"), &userID)...)
		if a.data != nil && tfkit.Known(userID) {
			tfkit.WalkOf(a.data).PlanAccount(userID.ValueString())
		}
		return
	}
	var plan, state accountModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() || !plan.UserID.Equal(state.UserID) {
		return
	}
	for _, f := range []struct {
		name        string
		plan, state types.String
	}{{"nick", plan.Nick, state.Nick}, {"face_url", plan.FaceURL, state.FaceURL}} {
		if f.plan.IsUnknown() || f.plan.ValueString() != "" || f.state.ValueString() == "" {
			continue
		}
		resp.Diagnostics.AddAttributeWarning(path.Root(f.name), "Profile value is not cleared",
			fmt.Sprintf("%s was %q and is now unset. account_import cannot clear a profile value, so account %q keeps %s %q; only Terraform forgets it.",
				f.name, f.state.ValueString(), plan.UserID.ValueString(), f.name, f.state.ValueString()))
	}
}
