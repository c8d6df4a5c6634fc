package giftcategory

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/giftkit"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

func (r *categoryResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	giftkit.Refresh[categoryModel, wire.GiftCategoryRecord]{
		Call:        r.call("Unable to read gift category", req.State.Get, timeouts.Value.Read),
		Noun:        "Gift category",
		IDAttribute: "category_id",
		ID:          func(m *categoryModel) string { return m.CategoryID.ValueString() },
		Fetch:       (*giftkit.Session).ReadCategory,
		AddError:    addCategoryError,
		Flatten:     flattenCategory,
	}.Read(ctx, resp)
}
