package giftcategory

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/giftkit"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
)

// ModifyPlan claims the category ID (one resource per category, no more categories than the
// quota), records the gifts the category plans for the gift resources (see
// giftkit.Session.CategoriesToRelink), and checks that each listed gift exists or is planned.
func (r *categoryResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		return
	}
	var plan categoryModel
	resp.Diagnostics.Append(req.Plan.Get(ctx, &plan)...)
	if resp.Diagnostics.HasError() || !tfkit.Known(plan.CategoryID) {
		return
	}
	s := giftkit.SessionOf(r.data)
	categoryID := plan.CategoryID.ValueString()
	if !req.State.Raw.IsNull() {
		var prior giftkit.ExtensionInfo
		resp.Diagnostics.Append(req.State.GetAttribute(ctx, path.Root("extension_info"), &prior)...)
		if kept := giftkit.KeepPriorSpelling(plan.ExtensionInfo, prior); !kept.Equal(plan.ExtensionInfo) {
			resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("extension_info"), kept)...)
		}
	}
	if !plan.ID.Equal(plan.CategoryID) {
		resp.Diagnostics.Append(resp.Plan.SetAttribute(ctx, path.Root("id"), plan.CategoryID)...)
	}
	_, quota := giftkit.Quota(r.data)
	s.Claim(ctx, giftkit.CategoryKind, categoryID, fmt.Sprintf("default_name %q", plan.DefaultName.ValueString()),
		quota, req.Private, resp.Private, &resp.Diagnostics)
	if resp.Diagnostics.HasError() || !tfkit.Known(plan.GiftIDs) {
		return
	}
	s.PlanCategoryGifts(categoryID, giftIDs(plan))
	r.checkGiftsExist(ctx, s, plan, resp)
}

// awaitGiftPlanned bounds how long a category waits for a gift named by a literal ID to be
// planned before calling it unknown.
const awaitGiftPlanned = 2 * time.Second

// checkGiftsExist refuses a gift_ids entry that names a gift that neither exists nor is planned
// by a tencentlive_gift of this configuration: add_gift_category_relations would leave it out
// (InvalidGiftIdList). A gift is known to be planned only once Terraform has planned it, which
// it does first when gift_ids references the gift resource. Not checked in the apply walk:
// the plan was checked, and a gift created a moment ago may not be planned in this process.
func (r *categoryResource) checkGiftsExist(ctx context.Context, s *giftkit.Session, plan categoryModel, resp *resource.ModifyPlanResponse) {
	if r.data == nil || tfkit.WalkOf(r.data).Applying() {
		return
	}
	for _, giftID := range giftIDs(plan) {
		if s.GiftPlanned(giftID) {
			continue
		}
		if s.GiftBeingDestroyed(giftID) {
			resp.Diagnostics.AddAttributeError(path.Root("gift_ids"), "Category lists a gift this plan destroys", fmt.Sprintf(
				"gift_ids lists %q, whose tencentlive_gift this plan destroys; del_gift takes it out of every category, and "+
					"add_gift_category_relations would then leave it out (InvalidGiftIdList). Remove %q from gift_ids, or keep the gift.", giftID, giftID))
			continue
		}
		if r.data.Client == nil || !r.data.PlanChecks {
			continue
		}
		exists, err := s.GiftExists(ctx, r.data.Client, giftID)
		if err != nil {
			return // a plan-time look-up only; apply reports the service's answer
		}
		if !exists && !s.AwaitGiftPlanned(ctx, giftID, awaitGiftPlanned) {
			resp.Diagnostics.AddAttributeError(path.Root("gift_ids"), "Category lists an unknown gift", fmt.Sprintf(
				"gift_ids lists %q, which is neither a gift of the application nor a tencentlive_gift planned before this "+
					"category; add_gift_category_relations would leave it out (InvalidGiftIdList). Create the gift with a "+
					"tencentlive_gift and reference it (tencentlive_gift.NAME.gift_id) so that Terraform plans and creates it first, "+
					"or remove %q from gift_ids.", giftID, giftID))
		}
	}
}
