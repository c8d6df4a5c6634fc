package gift

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/giftkit"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

// Delete deletes the gift with its translations. del_gift also takes it out of every category,
// so first it remembers which categories list it: when the gift is being replaced, Create puts
// it back into them in the same apply.
func (r *giftResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	tfkit.WalkOf(r.data).ApplyStarted()
	const summary = "Unable to delete gift"
	r.call(summary, req.State.Get, timeouts.Value.Delete).Run(ctx, &resp.Diagnostics, func(ctx context.Context, c *wire.Client, state *giftModel) {
		s := giftkit.SessionOf(r.data)
		giftID := state.GiftID.ValueString()
		listed, err := s.CategoriesListingGift(ctx, c, giftID)
		if err != nil {
			addGiftError(&resp.Diagnostics, summary, giftID,
				"Nothing was deleted: the provider reads which categories list the gift before deleting it, to put it back if it is being replaced.", err)
			return
		}
		s.RememberCategories(giftID, listed)
		s.Wrote()
		deleted := s.GiftDeletes.Start()
		err = c.DeleteGift(ctx, giftID) // a gift already gone succeeds
		deleted(err == nil)
		if err != nil {
			addGiftError(&resp.Diagnostics, summary, giftID, "", err)
		}
	})
}
