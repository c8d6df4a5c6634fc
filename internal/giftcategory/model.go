package giftcategory

import (
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/giftkit"
)

// categoryModel is tencentlive_gift_category's configuration, plan and state.
type categoryModel struct {
	ID            types.String          `tfsdk:"id"`
	CategoryID    types.String          `tfsdk:"category_id"`
	DefaultName   types.String          `tfsdk:"default_name"`
	DefaultDesc   types.String          `tfsdk:"default_desc"`
	ExtensionInfo giftkit.ExtensionInfo `tfsdk:"extension_info"`
	Languages     types.Map             `tfsdk:"languages"`
	GiftIDs       types.Set             `tfsdk:"gift_ids"`
	Timeouts      timeouts.Value        `tfsdk:"timeouts"`
}

// OperationTimeouts lets giftkit.Call bound each call by the timeouts block.
func (m categoryModel) OperationTimeouts() timeouts.Value { return m.Timeouts }
