package gift

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64default"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/giftkit"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
)

func (r *giftResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "A gift of the application's gift panel (TUILiveKit gift system): its price, tier, icon, effect and names " +
			"in up to three languages. Gifts are app-wide, not per room. Created with add_gift and set_gift_language, updated in " +
			"place with edit_gift and the translation commands, sending only what changed (a price change is one edit_gift). " +
			"Which categories show the gift is set on tencentlive_gift_category (gift_ids). Every gift command is limited to 1 " +
			"call per second per application, so a catalogue of many gifts takes about one second per translation to apply. " +
			"Import with the gift ID.",
		Attributes: map[string]schema.Attribute{
			"id": giftkit.IDAttribute("gift_id"),
			"gift_id": schema.StringAttribute{
				Required: true,
				Description: fmt.Sprintf("Gift ID, unique within the application, 1 to %d bytes. Changing it creates a new gift; "+
					"the old one is deleted, which also takes it out of every category.", livespec.MaxGiftIDBytes),
				Validators:    giftkit.Bytes(1, livespec.MaxGiftIDBytes),
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"default_name": giftkit.DefaultNameAttribute("gift", livespec.MaxGiftNameBytes),
			"default_desc": giftkit.DefaultDescAttribute("gift", livespec.MaxGiftDescBytes),
			"coins": schema.Int64Attribute{
				Required: true,
				Description: fmt.Sprintf("Price in the app's virtual currency (the app decides what a coin is worth), 0 to %d.",
					livespec.MaxGiftNumber),
				Validators: []validator.Int64{giftkit.GiftNumber{}},
			},
			"level": schema.Int64Attribute{
				Optional:    true,
				Computed:    true,
				Default:     int64default.StaticInt64(0),
				Description: fmt.Sprintf("Gift tier, 0 to %d. Defaults to 0.", livespec.MaxGiftNumber),
				Validators:  []validator.Int64{giftkit.GiftNumber{}},
			},
			"icon_url": schema.StringAttribute{
				Optional:    true,
				Description: fmt.Sprintf("URL of the gift's thumbnail, at most %d bytes.", livespec.MaxGiftURLBytes),
				Validators:  giftkit.Bytes(0, livespec.MaxGiftURLBytes),
			},
			"resource_url": schema.StringAttribute{
				Optional:    true,
				Description: fmt.Sprintf("URL of the gift's effect (mp4, svga, ...), at most %d bytes.", livespec.MaxGiftURLBytes),
				Validators:  giftkit.Bytes(0, livespec.MaxGiftURLBytes),
			},
			"extension_info": giftkit.ExtensionInfoAttribute(),
			"languages":      giftkit.LanguagesAttribute("gift", livespec.MaxGiftNameBytes, livespec.MaxGiftDescBytes),
			"timeouts":       timeouts.Attributes(ctx, timeouts.Opts{Create: true, Read: true, Update: true, Delete: true}),
		},
	}
}
