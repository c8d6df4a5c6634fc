package account

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
)

// ImportState takes the user ID, or an identity (identity.go). Read checks that the account exists; nick and face_url stay
// unknown (null) because the API has no profile read.
func (a *accountResource) ImportState(ctx context.Context, req resource.ImportStateRequest, resp *resource.ImportStateResponse) {
	userID := a.data.ImportedID(ctx, req.ID, req.Identity, "user_id", &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	if msg := (tfkit.ByteLength{Min: 1, Max: livespec.MaxUserIDBytes, Code: livespec.CodeAccountInvalidParam}).Check("The import ID", userID); msg != "" {
		resp.Diagnostics.AddError("Invalid import ID", msg+" Use the account's user ID.")
		return
	}
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("user_id"), userID)...)
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("id"), userID)...)
	// An account that existed before Terraform knew it is not Terraform's to delete.
	resp.Diagnostics.Append(resp.State.SetAttribute(ctx, path.Root("delete_on_destroy"), false)...)
}
