package room

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
)

var _ resource.ResourceWithIdentity = &roomResource{}

// IdentitySchema: a room is named by its room ID within an application (SDKAppID). Create,
// Read and Update end by recording it (tfkit.ProviderData.SetIdentity), so a state written
// before identities existed gets one at its first refresh, with nothing else changing.
func (r *roomResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = tfkit.IdentitySchema("room_id", fmt.Sprintf(
		"The room ID (RoomId): 1 to %d bytes of letters, digits, space and the TRTC room ID punctuation.", livespec.MaxRoomIDBytes))
}
