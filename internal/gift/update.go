package gift

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/giftkit"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

// Update sends only what changed: one edit_gift when a default field changed (it replaces them
// all), one set_gift_language per new or changed translation, one del_gift_language per dropped
// one. A price change is one call.
func (r *giftResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	tfkit.WalkOf(r.data).ApplyStarted()
	const summary = "Unable to update gift"
	defer r.data.SetIdentity(ctx, resp.Identity, &resp.State, "gift_id", &resp.Diagnostics)
	// The state is read with the plan, before anything else can fail.
	var state giftModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	r.call(summary, req.Plan.Get, timeouts.Value.Update).Run(ctx, &resp.Diagnostics, func(ctx context.Context, c *wire.Client, plan *giftModel) {
		s := giftkit.SessionOf(r.data)
		giftID := plan.GiftID.ValueString()
		if defaultsChanged(state, *plan) {
			s.Wrote()
			if err := c.EditGift(ctx, expandGift(*plan)); err != nil {
				addGiftError(&resp.Diagnostics, summary, giftID, "", err)
				return
			}
		}
		have, diags := expandLanguages(ctx, state)
		resp.Diagnostics.Append(diags...)
		want, diags := expandLanguages(ctx, *plan)
		resp.Diagnostics.Append(diags...)
		if resp.Diagnostics.HasError() {
			return
		}
		s.Wrote()
		done, err := setLanguages(ctx, c, giftID, have, want)
		if err != nil {
			plan.Languages, diags = giftkit.FlattenLanguages(ctx, done, plan.Languages)
			resp.Diagnostics.Append(diags...)
			resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
			addGiftError(&resp.Diagnostics, summary, giftID, "The default fields were updated; the next apply finishes the translations.", err)
			return
		}
		resp.Diagnostics.Append(resp.State.Set(ctx, plan)...)
	})
}
