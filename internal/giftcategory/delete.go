package giftcategory

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/giftkit"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

// Delete deletes the category with its translations and relations; its gifts stay.
func (r *categoryResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	tfkit.WalkOf(r.data).ApplyStarted()
	const summary = "Unable to delete gift category"
	r.call(summary, req.State.Get, timeouts.Value.Delete).Run(ctx, &resp.Diagnostics, func(ctx context.Context, c *wire.Client, state *categoryModel) {
		s := giftkit.SessionOf(r.data)
		s.WroteCategory()
		categoryID := state.CategoryID.ValueString()
		deleted := s.CategoryDeletes.Start()
		err := c.DeleteGiftCategory(ctx, categoryID) // a category already gone succeeds
		deleted(err == nil)
		if err != nil {
			addCategoryError(&resp.Diagnostics, summary, categoryID, "", err)
		}
	})
}
