package account

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
)

var _ resource.ResourceWithIdentity = &accountResource{}

// IdentitySchema: an account is named by its user ID within an application (SDKAppID), like
// the room; Create, Read and Update end by recording it.
func (a *accountResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = tfkit.IdentitySchema("user_id", fmt.Sprintf("The account's user ID (UserID): 1 to %d bytes.", livespec.MaxUserIDBytes))
}
