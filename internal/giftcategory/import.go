package giftcategory

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
)

// ImportState takes the category ID, or an identity (identity.go); Read fills in the rest.
func (r *categoryResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	categoryID := r.data.ImportedID(ctx, req.ID, req.Identity, "category_id", &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	if categoryID == "" || len(categoryID) > livespec.MaxCategoryIDBytes {
		resp.Diagnostics.AddError("Invalid import ID", fmt.Sprintf(
			"The import ID %q is not a gift category ID: use the category's ID, 1 to %d bytes.", categoryID, livespec.MaxCategoryIDBytes))
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("category_id"), categoryID)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), categoryID)...)
}
