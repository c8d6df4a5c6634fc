package room

import (
	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
)

// roomModel is tencentlive_room in Terraform's terms.
type roomModel struct {
	ID                types.String      `tfsdk:"id"`
	RoomID            types.String      `tfsdk:"room_id"`
	SeatTemplate      seatTemplateValue `tfsdk:"seat_template"`
	OwnerAccount      types.String      `tfsdk:"owner_account"`
	TakeSeatMode      types.String      `tfsdk:"take_seat_mode"`
	MaxSeatCount      types.Int64       `tfsdk:"max_seat_count"`
	MaxMemberCount    types.Int64       `tfsdk:"max_member_count"`
	IsMessageDisabled types.Bool        `tfsdk:"is_message_disabled"`
	IsPublicVisible   types.Bool        `tfsdk:"is_public_visible"`
	RoomName          types.String      `tfsdk:"room_name"`
	CoverURL          types.String      `tfsdk:"cover_url"`
	Category          types.List        `tfsdk:"category"`
	ActivityStatus    types.Int64       `tfsdk:"activity_status"`
	Notice            types.String      `tfsdk:"notice"`
	CreateTime        types.Int64       `tfsdk:"create_time"`
	DeletionProtected types.Bool        `tfsdk:"deletion_protection"`
	UnlimitedRoom     types.Bool        `tfsdk:"is_unlimited_room_enabled"`
	KeepOwnerOnSeat   types.Bool        `tfsdk:"keep_owner_on_seat"`
	Metadata          types.Map         `tfsdk:"metadata"` // managed keys only; null = not managed
	Admins            types.Set         `tfsdk:"admins"`   // null = not managed
	Robots            types.Set         `tfsdk:"robots"`   // null = not managed
	Timeouts          timeouts.Value    `tfsdk:"timeouts"`
}

// Vendor defaults of the optional room fields, from the create_room page: what a room has when
// create_room leaves the field out. room_name defaults to the room ID and owner_account to the
// identifier.
const (
	defaultTakeSeatMode      = livespec.TakeSeatFree
	defaultIsPublicVisible   = true
	defaultIsMessageDisabled = false
	defaultCoverURL          = ""
	defaultNotice            = ""
	defaultActivityStatus    = 0
)

// categoryValues returns the numbers of a known category list.
func categoryValues(l types.List) []int64 {
	out := make([]int64, 0, len(l.Elements()))
	for _, e := range l.Elements() {
		if n, ok := e.(types.Int64); ok && tfkit.Known(n) {
			out = append(out, n.ValueInt64())
		}
	}
	return out
}

// categoryList builds the Terraform list of a category slice; nil gives an empty list.
func categoryList(values []int64) types.List {
	elems := make([]attr.Value, len(values))
	for i, n := range values {
		elems[i] = types.Int64Value(n)
	}
	return types.ListValueMust(types.Int64Type, elems)
}

func categoryPtr(v types.List) *[]int64 {
	c := categoryValues(v)
	return &c
}
