package room

import (
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

// flatten builds the state of a room from get_room_info. prior is the plan (after create or
// update) or the previous state (read, import): it supplies timeouts, the seat template when the
// API leaves it out (project decision), the preferred spelling of an equivalent template, and
// the server-computed counts the API did not report. A field the API leaves out otherwise has
// its vendor default.
func flatten(info wire.RoomInfo, prior roomModel) roomModel {
	m := prior
	if info.RoomID != "" {
		m.RoomID = types.StringValue(info.RoomID)
	}
	m.ID = m.RoomID

	switch {
	case info.SeatTemplate == nil:
		m.SeatTemplate = seatTemplateValue{StringValue: tfkit.NullIfUnknown(prior.SeatTemplate.StringValue)}
	case tfkit.Known(prior.SeatTemplate) && sameSeatTemplate(prior.SeatTemplate.ValueString(), *info.SeatTemplate):
		// keep the configured spelling of an equivalent template
	default:
		m.SeatTemplate = seatTemplateOf(*info.SeatTemplate)
	}

	if info.OwnerAccount != nil {
		m.OwnerAccount = types.StringValue(*info.OwnerAccount)
	} else {
		m.OwnerAccount = tfkit.NullIfUnknown(prior.OwnerAccount)
	}
	m.TakeSeatMode = types.StringValue(tfkit.ValueOr(info.TakeSeatMode, defaultTakeSeatMode))
	m.MaxSeatCount = tfkit.Int64Or(info.MaxSeatCount, prior.MaxSeatCount)
	m.MaxMemberCount = tfkit.Int64Or(info.MaxMemberCount, prior.MaxMemberCount)
	m.IsMessageDisabled = types.BoolValue(tfkit.ValueOr(info.IsMessageDisabled, defaultIsMessageDisabled))
	m.IsPublicVisible = types.BoolValue(tfkit.ValueOr(info.IsPublicVisible, defaultIsPublicVisible))
	m.RoomName = types.StringValue(tfkit.ValueOr(info.RoomName, m.RoomID.ValueString()))
	m.CoverURL = types.StringValue(tfkit.ValueOr(info.CoverURL, defaultCoverURL))
	if info.Category != nil {
		m.Category = categoryList(*info.Category)
	} else {
		m.Category = categoryList(nil)
	}
	m.ActivityStatus = types.Int64Value(tfkit.ValueOr(info.ActivityStatus, defaultActivityStatus))
	m.Notice = types.StringValue(tfkit.ValueOr(info.Notice, defaultNotice))
	m.CreateTime = tfkit.Int64Or(info.CreateTime, prior.CreateTime)
	m.Metadata, m.Admins, m.Robots = tfkit.TypedMap(m.Metadata), tfkit.TypedSet(m.Admins), tfkit.TypedSet(m.Robots) // read on their own (readExtras)
	m.UnlimitedRoom = tfkit.BoolOr(info.IsUnlimitedRoomEnabled, prior.UnlimitedRoom)
	m.KeepOwnerOnSeat = tfkit.BoolOr(info.KeepOwnerOnSeat, prior.KeepOwnerOnSeat)
	if !tfkit.Known(m.DeletionProtected) { // Terraform's own setting: an import starts unprotected
		m.DeletionProtected = types.BoolValue(false)
	}
	return m
}
