package gift

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
)

var _ resource.ResourceWithIdentity = &giftResource{}

// IdentitySchema: a gift is named by its gift ID within an application (SDKAppID), as the room
// is by its room ID. Create, Read and Update end by recording it, so a state written before
// identities existed gets one at its first refresh; the list resource (list.go) answers it.
func (r *giftResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = tfkit.IdentitySchema("gift_id", fmt.Sprintf("The gift ID (GiftId): 1 to %d bytes.", livespec.MaxGiftIDBytes))
}
