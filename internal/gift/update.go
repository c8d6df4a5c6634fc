package gift

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/giftkit"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
)

// Update sends only what changed: one edit_gift when a default field changed (it replaces them
// all), one set_gift_language per new or changed translation, one del_gift_language per dropped
// one. A price change is one call.
func (r *giftResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	tfkit.WalkOf(r.data).ApplyStarted()
	const summary = "Unable to update gift"
	var plan, state giftModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	c := r.data.APIClient(summary, resp.Diagnostics.AddError)
	if c == nil {
		return
	}
	timeout, diags := plan.Timeouts.Update(ctx, defaultTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	s := giftkit.SessionOf(r.data)
	giftID := plan.GiftID.ValueString()
	if defaultsChanged(state, plan) {
		s.Wrote()
		if err := c.EditGift(ctx, expandGift(plan)); err != nil {
			addGiftError(&resp.Diagnostics, summary, giftID, "", err)
			return
		}
	}
	have, diags := expandLanguages(ctx, state)
	resp.Diagnostics.Append(diags...)
	want, diags := expandLanguages(ctx, plan)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	s.Wrote()
	done, err := setLanguages(ctx, c, giftID, have, want)
	if err != nil {
		plan.Languages, diags = giftkit.FlattenLanguages(ctx, done, plan.Languages)
		resp.Diagnostics.Append(diags...)
		resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
		addGiftError(&resp.Diagnostics, summary, giftID, "The default fields were updated; the next apply finishes the translations.", err)
		return
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &plan)...)
}
