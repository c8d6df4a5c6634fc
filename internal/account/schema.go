package account

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
)

func (a *accountResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "An account of the application (im_open_login_svc, shared with Chat), such as the host named in a " +
			"room's owner_account. Created and updated with account_import (an upsert: an existing account with the same " +
			"user ID is adopted), read with account_check, deleted with account_delete unless delete_on_destroy is false. " +
			"The API has no profile read, so a nick or face_url changed outside Terraform is not detected. " +
			"Import with the user ID; nick and face_url are then unknown until the next apply sets them.",
		Attributes: map[string]schema.Attribute{
			"id": schema.StringAttribute{
				Computed:      true,
				Description:   "Same as user_id.",
				PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
			},
			"user_id": schema.StringAttribute{
				Required: true,
				Description: fmt.Sprintf("UserID of the account, 1 to %d bytes. Changing it creates a new account. "+
					"Non-trial applications cannot import a deleted UserID again for 3 months (70399).", livespec.MaxUserIDBytes),
				Validators:    []validator.String{tfkit.ByteLength{Min: 1, Max: livespec.MaxUserIDBytes, Code: livespec.CodeAccountInvalidParam}},
				PlanModifiers: []planmodifier.String{stringplanmodifier.RequiresReplace()},
			},
			"nick": schema.StringAttribute{
				Optional: true,
				Description: fmt.Sprintf("Display name, at most %d bytes (UTF-8). Removing it, or setting it empty, leaves the account's "+
					"nick as it is: account_import only sets the values it is given. Not read back.", livespec.MaxProfileValueBytes),
				Validators: []validator.String{tfkit.ByteLength{Min: 0, Max: livespec.MaxProfileValueBytes, Code: livespec.CodeProfileTooLong}},
			},
			"face_url": schema.StringAttribute{
				Optional: true,
				Description: fmt.Sprintf("Avatar URL, at most %d bytes. Removing it, or setting it empty, leaves the account's "+
					"avatar as it is. Not read back.", livespec.MaxProfileValueBytes),
				Validators: []validator.String{tfkit.ByteLength{Min: 0, Max: livespec.MaxProfileValueBytes, Code: livespec.CodeProfileTooLong}},
			},
			"delete_on_destroy": schema.BoolAttribute{
				Optional: true,
				Computed: true,
				Description: "Whether destroying the resource deletes the account with account_delete. When unset: true for an " +
					"account this resource created, false for one that already existed (imported with an import block or " +
					"`terraform import`, or found by account_check when the resource was created), so Terraform never deletes " +
					"an account it did not make unless told to. Set it to false (and apply) to leave an account in place and " +
					"only remove it from state, for example when the application's console forbids account deletion, as it does " +
					"by default for non-trial applications.",
				PlanModifiers: []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()},
			},
			"timeouts": timeouts.Attributes(ctx, timeouts.Opts{Create: true, Read: true, Update: true, Delete: true}),
		},
	}
}
