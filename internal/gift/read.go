package gift

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/giftkit"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

func (r *giftResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	giftkit.Refresh[giftModel, wire.GiftRecord]{
		Call:        r.call("Unable to read gift", req.State.Get, timeouts.Value.Read),
		Noun:        "Gift",
		IDAttribute: "gift_id",
		ID:          func(m *giftModel) string { return m.GiftID.ValueString() },
		Fetch:       (*giftkit.Session).ReadGift,
		AddError:    addGiftError,
		Flatten:     flattenGift,
	}.Read(ctx, resp)
}
