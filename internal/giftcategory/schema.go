package giftcategory

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/setdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/giftkit"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
)

func (r *categoryResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "A category of the application's gift panel and the gifts it shows. Created with add_gift_category, " +
			"updated in place with edit_gift_category, the category translation commands and, for gift_ids, " +
			"add_gift_category_relations / del_gift_category_relations by difference. gift_ids is authoritative: a gift added " +
			"to the category in the console shows as drift and is removed by the next apply. When a listed gift is replaced, " +
			"the same apply puts it back into the category. Import with the category ID.",
		Attributes: map[string]schema.Attribute{
			"id": giftkit.IDAttribute("category_id"),
			"category_id": schema.StringAttribute{
				Required: true,
				Description: fmt.Sprintf("Category ID, unique within the application, 1 to %d bytes. Changing it creates a new "+
					"category. The documented package allows %d categories (the provider's category_quota).",
					livespec.MaxCategoryIDBytes, livespec.DefaultCategoryQuota),
				Validators:    giftkit.Bytes(1, livespec.MaxCategoryIDBytes),
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"default_name":   giftkit.DefaultNameAttribute("category", livespec.MaxCategoryNameBytes),
			"default_desc":   giftkit.DefaultDescAttribute("category", livespec.MaxCategoryDescBytes),
			"extension_info": giftkit.ExtensionInfoAttribute(),
			"languages":      giftkit.LanguagesAttribute("category", livespec.MaxCategoryNameBytes, livespec.MaxCategoryDescBytes),
			"gift_ids": schema.SetAttribute{
				Optional:    true,
				Computed:    true,
				ElementType: types.StringType,
				Default:     setdefault.StaticValue(types.SetValueMust(types.StringType, nil)),
				Description: "IDs of the gifts the category shows; the whole set (gifts added in the console are removed). " +
					"Each must be a gift of the application or a tencentlive_gift of this configuration: reference the gift " +
					"(tencentlive_gift.rose.gift_id) so that Terraform creates it first. Defaults to none.",
			},
			"timeouts": timeouts.Attributes(ctx, timeouts.Opts{Create: true, Read: true, Update: true, Delete: true}),
		},
	}
}
