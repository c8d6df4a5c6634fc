package gift

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
)

// ImportState takes the gift ID, or an identity (identity.go); Read fills in the rest.
func (r *giftResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	giftID := r.data.ImportedID(ctx, req.ID, req.Identity, "gift_id", &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	if giftID == "" || len(giftID) > livespec.MaxGiftIDBytes {
		resp.Diagnostics.AddError("Invalid import ID", fmt.Sprintf(
			"The import ID %q is not a gift ID: use the gift's ID, 1 to %d bytes.", giftID, livespec.MaxGiftIDBytes))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("gift_id"), giftID)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), giftID)...)
}
