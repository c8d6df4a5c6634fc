package room

import (
	"context"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
)

var (
	_ resource.ResourceWithConfigure      = &roomResource{}
	_ resource.ResourceWithImportState    = &roomResource{}
	_ resource.ResourceWithModifyPlan     = &roomResource{}
	_ resource.ResourceWithValidateConfig = &roomResource{}
)

// Default operation timeouts; each covers all requests of the operation, retries included.
const (
	defaultCreateTimeout = 5 * time.Minute
	defaultReadTimeout   = 2 * time.Minute
	defaultUpdateTimeout = 5 * time.Minute
	defaultDeleteTimeout = 5 * time.Minute
)

// roomResource is tencentlive_room: one live room, identified by its room ID.
type roomResource struct {
	data *tfkit.ProviderData
}

// NewResource returns the tencentlive_room resource.
func NewResource() resource.Resource { return &roomResource{} }

func (r *roomResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_room"
}

func (r *roomResource) Schema(ctx context.Context, _ resource.SchemaRequest, resp *resource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "A Tencent RTC live room (live_engine_http_srv, RoomType Live). Created with create_room, " +
			"changed in place with update_room_info, dismissed with destroy_room. Import with the room ID, or " +
			"`ROOM_ID,SEAT_TEMPLATE` when the API does not report the seat template.",
		Attributes: make(map[string]schema.Attribute, len(roomAttributes)),
	}
	for _, a := range roomAttributes {
		resp.Schema.Attributes[a.name] = a.schema
	}
}

func (r *roomResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.data = tfkit.ProviderDataOf(req.ProviderData, &resp.Diagnostics)
}
