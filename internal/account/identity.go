package account

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
)

var _ resource.ResourceWithIdentity = &accountResource{}

// IdentitySchema: an account is named by its user ID within an application (SDKAppID), like
// the room; Create, Read and Update end by recording it.
func (a *accountResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = tfkit.IdentitySchema("user_id",
		"The account's user ID (UserID): 1 to 32 bytes.")
}
