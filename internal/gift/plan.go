package gift

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/giftkit"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
)

// ModifyPlan claims the gift ID for this resource (one resource per gift, no more gifts than the
// quota), records destroys for the categories' checks, and says when a replacement takes the
// gift out of categories that this apply then puts it back into.
func (r *giftResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	s := giftkit.SessionOf(r.data)
	if req.Plan.Raw.IsNull() {
		var giftID types.String
		resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("gift_id"), &giftID)...)
		if tfkit.Known(giftID) {
			s.GiftDestroyed(giftID.ValueString())
		}
		return
	}
	var plan giftModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() || !tfkit.Known(plan.GiftID) {
		return
	}
	giftID := plan.GiftID.ValueString()
	if !req.State.Raw.IsNull() {
		var prior giftkit.ExtensionInfo
		resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("extension_info"), &prior)...)
		if kept := giftkit.KeepPriorSpelling(plan.ExtensionInfo, prior); !kept.Equal(plan.ExtensionInfo) {
			resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("extension_info"), kept)...)
		}
	}
	if !plan.ID.Equal(plan.GiftID) {
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("id"), plan.GiftID)...)
	}
	quota, _ := giftkit.Quota(r.data)
	s.Claim(ctx, giftkit.GiftKind, giftID, describe(plan), quota, req.Private, resp.Private, &resp.Diagnostics)
	if resp.Diagnostics.HasError() || !req.State.Raw.IsNull() {
		return
	}
	r.warnReplacement(s, giftID, resp)
}

// warnReplacement says, for a gift planned for creation that exists on the service (a
// replacement: taint or -replace), which categories del_gift takes it out of and that this
// apply adds it back to them. It uses the catalogue this plan's refresh read (a replaced gift
// is in state, so it was refreshed) and sends no call of its own.
func (r *giftResource) warnReplacement(s *giftkit.Session, giftID string, resp *resource.ModifyPlanResponse) {
	cat, ok := s.CachedCatalog()
	if !ok {
		return
	}
	if _, exists := giftkit.FindGift(cat, giftID); !exists {
		return
	}
	if listed := giftkit.CategoriesListing(cat, giftID); len(listed) > 0 {
		resp.Diagnostics.AddAttributeWarning(path.Root("gift_id"), "Replaced gift is put back into its categories", fmt.Sprintf(
			"Gift %q exists and is planned to be created again (a replacement). del_gift takes a gift out of every category; "+
				"this apply adds %q back to the categories that list it (%s) right after it is created, so the next plan is empty.",
			giftID, giftID, strings.Join(listed, ", ")))
	}
}

// describe names a planned gift by its values, for the claims' error.
func describe(m giftModel) string {
	return fmt.Sprintf("default_name %q, coins %d", m.DefaultName.ValueString(), m.Coins.ValueInt64())
}
