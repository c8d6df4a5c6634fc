package giftcategory

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/giftkit"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

// Update sends only what changed: edit_gift_category when a default field changed, one call
// per changed translation, and the gifts added and removed (one call each way).
func (r *categoryResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	tfkit.WalkOf(r.data).ApplyStarted()
	const summary = "Unable to update gift category"
	defer r.data.SetIdentity(ctx, resp.Identity, &resp.State, "category_id", &resp.Diagnostics)
	// The state is read with the plan, before anything else can fail.
	var state categoryModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	r.call(summary, req.Plan.Get, timeouts.Value.Update).Run(ctx, &resp.Diagnostics, func(ctx context.Context, c *wire.Client, plan *categoryModel) {
		s := giftkit.SessionOf(r.data)
		categoryID := plan.CategoryID.ValueString()
		if defaultsChanged(state, *plan) {
			s.WroteCategory()
			if err := c.EditGiftCategory(ctx, expandCategory(*plan)); err != nil {
				addCategoryError(&resp.Diagnostics, summary, categoryID, "", err)
				return
			}
		}
		have, diags := giftkit.ExpandLanguages(ctx, state.Languages)
		resp.Diagnostics.Append(diags...)
		r.applyContents(ctx, c, s, summary, "", have, giftIDs(state), *plan, resp.State.Set, &resp.Diagnostics)
	})
}
