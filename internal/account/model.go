package account

import (
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

// accountModel is tencentlive_account in Terraform's terms.
type accountModel struct {
	ID              types.String   `tfsdk:"id"`
	UserID          types.String   `tfsdk:"user_id"`
	Nick            types.String   `tfsdk:"nick"`
	FaceURL         types.String   `tfsdk:"face_url"`
	DeleteOnDestroy types.Bool     `tfsdk:"delete_on_destroy"`
	Timeouts        timeouts.Value `tfsdk:"timeouts"`
}

// expandAccount builds the account_import request. Empty values are left out, which leaves
// the account's current value in place.
func expandAccount(m accountModel) wire.Account {
	return wire.Account{UserID: m.UserID.ValueString(), Nick: m.Nick.ValueString(), FaceURL: m.FaceURL.ValueString()}
}
