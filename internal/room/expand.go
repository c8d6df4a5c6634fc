package room

import (
	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

// expandCreate builds the create_room request from a plan: every documented create field the
// plan knows. Empty values equal to the vendor default are left out; the switches and the
// seat mode are always sent so the room does not depend on a default the docs disagree on.
func expandCreate(plan roomModel) wire.RoomInfo {
	info := wire.RoomInfo{
		RoomID:            plan.RoomID.ValueString(),
		RoomType:          livespec.RoomTypeLive,
		SeatTemplate:      tfkit.StrPtr(plan.SeatTemplate.StringValue),
		TakeSeatMode:      tfkit.StrPtr(plan.TakeSeatMode),
		IsMessageDisabled: tfkit.BoolPtr(plan.IsMessageDisabled),
		IsPublicVisible:   tfkit.BoolPtr(plan.IsPublicVisible),
	}
	if tfkit.Known(plan.OwnerAccount) {
		info.OwnerAccount = tfkit.StrPtr(plan.OwnerAccount)
	}
	if t, ok := livespec.LookupSeatTemplate(plan.SeatTemplate.ValueString()); tfkit.Known(plan.MaxSeatCount) && (!ok || t.Voice) {
		info.MaxSeatCount = tfkit.Int64Ptr(plan.MaxSeatCount) // a video template's own count is implied, not sent
	}
	if tfkit.Known(plan.RoomName) {
		info.RoomName = tfkit.StrPtr(plan.RoomName)
	}
	if tfkit.Known(plan.CoverURL) && plan.CoverURL.ValueString() != defaultCoverURL {
		info.CoverURL = tfkit.StrPtr(plan.CoverURL)
	}
	if tfkit.Known(plan.Category) && len(plan.Category.Elements()) > 0 {
		info.Category = categoryPtr(plan.Category)
	}
	if tfkit.Known(plan.ActivityStatus) && plan.ActivityStatus.ValueInt64() != defaultActivityStatus {
		info.ActivityStatus = tfkit.Int64Ptr(plan.ActivityStatus)
	}
	if tfkit.Known(plan.UnlimitedRoom) { // unset: the room keeps the vendor's default
		info.IsUnlimitedRoomEnabled = tfkit.BoolPtr(plan.UnlimitedRoom)
	}
	if tfkit.Known(plan.KeepOwnerOnSeat) {
		info.KeepOwnerOnSeat = tfkit.BoolPtr(plan.KeepOwnerOnSeat)
	}
	return info
}

// expandUpdateOnly builds the update_room_info request that follows create_room for the fields
// only update documents (Notice; MaxMemberCount on the 2026 create table). ok is false when the
// plan sets none of them.
func expandUpdateOnly(plan roomModel) (info wire.RoomInfo, ok bool) {
	info.RoomID = plan.RoomID.ValueString()
	if tfkit.Known(plan.Notice) && plan.Notice.ValueString() != defaultNotice {
		info.Notice, ok = tfkit.StrPtr(plan.Notice), true
	}
	if tfkit.Known(plan.MaxMemberCount) {
		info.MaxMemberCount, ok = tfkit.Int64Ptr(plan.MaxMemberCount), true
	}
	return info, ok
}

// expandConverge builds an update_room_info request setting every updatable (inPlace)
// attribute to the plan: used when create_room found the room already there (100010) and the
// provider adopts it.
func expandConverge(plan roomModel) wire.RoomInfo {
	info := wire.RoomInfo{RoomID: plan.RoomID.ValueString()}
	for _, a := range roomAttributes {
		if a.change == inPlace {
			a.send(&info, plan)
		}
	}
	return info
}

// expandUpdate builds the update_room_info request for the inPlace attributes whose planned
// value differs from state. ok is false when nothing the API stores changed (for example only
// the timeouts).
func expandUpdate(plan, state roomModel) (info wire.RoomInfo, ok bool) {
	info.RoomID = plan.RoomID.ValueString()
	for _, a := range roomAttributes {
		if a.change != inPlace {
			continue
		}
		if p := a.bind(&plan, a.name).get(); tfkit.Known(p) && !p.Equal(a.bind(&state, a.name).get()) {
			a.send(&info, plan)
			ok = true
		}
	}
	return info, ok
}
