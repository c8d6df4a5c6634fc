package giftcategory

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/giftkit"
)

func (r *categoryResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	const summary = "Unable to read gift category"
	var state categoryModel
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

	categoryID := state.CategoryID.ValueString()
	cat, found, err := giftkit.SessionOf(r.data).ReadCategory(ctx, c, categoryID)
	if err != nil {
		addCategoryError(&resp.Diagnostics, summary, categoryID, "", err)
		return
	}
	if !found {
		resp.Diagnostics.AddWarning("Gift category no longer exists", fmt.Sprintf(
			"Gift category %q is not in the application's gift catalogue (deleted outside Terraform); removing it from state. The next plan creates it again.", categoryID))
		resp.State.RemoveResource(ctx)
		return
	}
	resp.Diagnostics.Append(flattenCategory(ctx, cat, &state)...)
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}
