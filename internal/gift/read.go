package gift

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/giftkit"
)

func (r *giftResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	const summary = "Unable to read gift"
	var state giftModel
	resp.Diagnostics.Append(req.State.Get(ctx, &state)...)
	if resp.Diagnostics.HasError() {
		return
	}
	c := r.data.APIClient(summary, resp.Diagnostics.AddError)
	if c == nil {
		return
	}
	timeout, diags := state.Timeouts.Read(ctx, defaultTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	giftID := state.GiftID.ValueString()
	g, found, err := giftkit.SessionOf(r.data).ReadGift(ctx, c, giftID)
	if err != nil {
		// 102001 (no gift package) lands here too: an error, never a deletion.
		addGiftError(&resp.Diagnostics, summary, giftID, "", err)
		return
	}
	if !found {
		resp.Diagnostics.AddWarning("Gift no longer exists", fmt.Sprintf(
			"Gift %q is not in the application's gift catalogue (deleted outside Terraform); removing it from state. The next plan creates it again.", giftID))
		resp.State.RemoveResource(ctx)
		return
	}
	resp.Diagnostics.Append(flattenGift(ctx, g, &state)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}
