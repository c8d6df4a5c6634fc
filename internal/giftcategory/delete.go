package giftcategory

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/giftkit"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
)

// Delete deletes the category with its translations and relations; its gifts stay.
func (r *categoryResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	tfkit.WalkOf(r.data).ApplyStarted()
	const summary = "Unable to delete gift category"
	var state categoryModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	c := r.data.APIClient(summary, resp.Diagnostics.AddError)
	if c == nil {
		return
	}
	timeout, diags := state.Timeouts.Delete(ctx, defaultTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	giftkit.SessionOf(r.data).WroteCategory()
	categoryID := state.CategoryID.ValueString()
	if err := c.DeleteGiftCategory(ctx, categoryID); err != nil { // a category already gone succeeds
		addCategoryError(&resp.Diagnostics, summary, categoryID, "", err)
	}
}
