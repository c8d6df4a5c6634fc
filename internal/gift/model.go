package gift

import (
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/giftkit"
)

// giftModel is tencentlive_gift's configuration, plan and state.
type giftModel struct {
	ID            types.String          `tfsdk:"id"`
	GiftID        types.String          `tfsdk:"gift_id"`
	DefaultName   types.String          `tfsdk:"default_name"`
	DefaultDesc   types.String          `tfsdk:"default_desc"`
	Coins         types.Int64           `tfsdk:"coins"`
	Level         types.Int64           `tfsdk:"level"`
	IconURL       types.String          `tfsdk:"icon_url"`
	ResourceURL   types.String          `tfsdk:"resource_url"`
	ExtensionInfo giftkit.ExtensionInfo `tfsdk:"extension_info"`
	Languages     types.Map             `tfsdk:"languages"`
	Timeouts      timeouts.Value        `tfsdk:"timeouts"`
}

// OperationTimeouts lets giftkit.Call bound each call by the timeouts block.
func (m giftModel) OperationTimeouts() timeouts.Value { return m.Timeouts }
