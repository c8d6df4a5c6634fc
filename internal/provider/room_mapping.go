package provider

import (
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

// roomModel is tencentlive_room in Terraform's terms.
type roomModel struct {
	ID                types.String   `tfsdk:"id"`
	RoomID            types.String   `tfsdk:"room_id"`
	SeatTemplate      types.String   `tfsdk:"seat_template"`
	OwnerAccount      types.String   `tfsdk:"owner_account"`
	TakeSeatMode      types.String   `tfsdk:"take_seat_mode"`
	MaxSeatCount      types.Int64    `tfsdk:"max_seat_count"`
	MaxMemberCount    types.Int64    `tfsdk:"max_member_count"`
	IsMessageDisabled types.Bool     `tfsdk:"is_message_disabled"`
	IsPublicVisible   types.Bool     `tfsdk:"is_public_visible"`
	RoomName          types.String   `tfsdk:"room_name"`
	CoverURL          types.String   `tfsdk:"cover_url"`
	Category          types.List     `tfsdk:"category"`
	ActivityStatus    types.Int64    `tfsdk:"activity_status"`
	Notice            types.String   `tfsdk:"notice"`
	CreateTime        types.Int64    `tfsdk:"create_time"`
	DeletionProtected types.Bool     `tfsdk:"deletion_protection"`
	UnlimitedRoom     types.Bool     `tfsdk:"is_unlimited_room_enabled"`
	KeepOwnerOnSeat   types.Bool     `tfsdk:"keep_owner_on_seat"`
	Metadata          types.Map      `tfsdk:"metadata"` // managed keys only; null = not managed
	Admins            types.Set      `tfsdk:"admins"`   // null = not managed
	Robots            types.Set      `tfsdk:"robots"`   // null = not managed
	Timeouts          timeouts.Value `tfsdk:"timeouts"`
}

// Vendor defaults of the optional room fields (reference §7.1): what a room has when create_room
// leaves the field out. room_name defaults to the room ID and owner_account to the identifier.
const (
	defaultTakeSeatMode      = livespec.TakeSeatFree
	defaultIsPublicVisible   = true
	defaultIsMessageDisabled = false
	defaultCoverURL          = ""
	defaultNotice            = ""
	defaultActivityStatus    = 0
)

// sameSeatTemplate reports whether two template strings name the same template; the two
// landscape spellings both mean template 200.
func sameSeatTemplate(a, b string) bool {
	if a == b {
		return true
	}
	ta, okA := livespec.LookupSeatTemplate(a)
	tb, okB := livespec.LookupSeatTemplate(b)
	return okA && okB && ta.ID == tb.ID
}

// categoryValues returns the numbers of a known category list.
func categoryValues(l types.List) []int64 {
	out := make([]int64, 0, len(l.Elements()))
	for _, e := range l.Elements() {
		if n, ok := e.(types.Int64); ok && known(n) {
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

// expandCreate builds the create_room request from a plan: every documented create field the
// plan knows. Empty values equal to the vendor default are left out; the switches and the
// seat mode are always sent so the room does not depend on a default the docs disagree on.
func expandCreate(plan roomModel) wire.RoomInfo {
	info := wire.RoomInfo{
		RoomID:            plan.RoomID.ValueString(),
		RoomType:          livespec.RoomTypeLive,
		SeatTemplate:      strPtr(plan.SeatTemplate),
		TakeSeatMode:      strPtr(plan.TakeSeatMode),
		IsMessageDisabled: boolPtr(plan.IsMessageDisabled),
		IsPublicVisible:   boolPtr(plan.IsPublicVisible),
	}
	if known(plan.OwnerAccount) {
		info.OwnerAccount = strPtr(plan.OwnerAccount)
	}
	if t, ok := livespec.LookupSeatTemplate(plan.SeatTemplate.ValueString()); known(plan.MaxSeatCount) && (!ok || t.Voice) {
		info.MaxSeatCount = int64Ptr(plan.MaxSeatCount) // a video template's own count is implied, not sent
	}
	if known(plan.RoomName) {
		info.RoomName = strPtr(plan.RoomName)
	}
	if known(plan.CoverURL) && plan.CoverURL.ValueString() != defaultCoverURL {
		info.CoverURL = strPtr(plan.CoverURL)
	}
	if known(plan.Category) && len(plan.Category.Elements()) > 0 {
		info.Category = categoryPtr(plan.Category)
	}
	if known(plan.ActivityStatus) && plan.ActivityStatus.ValueInt64() != defaultActivityStatus {
		info.ActivityStatus = int64Ptr(plan.ActivityStatus)
	}
	if known(plan.UnlimitedRoom) { // unset: the room keeps the vendor's default
		info.IsUnlimitedRoomEnabled = boolPtr(plan.UnlimitedRoom)
	}
	if known(plan.KeepOwnerOnSeat) {
		info.KeepOwnerOnSeat = boolPtr(plan.KeepOwnerOnSeat)
	}
	return info
}

// expandUpdateOnly builds the update_room_info request that follows create_room for the fields
// only update documents (Notice; MaxMemberCount on the 2026 create table). ok is false when the
// plan sets none of them.
func expandUpdateOnly(plan roomModel) (info wire.RoomInfo, ok bool) {
	info.RoomID = plan.RoomID.ValueString()
	if known(plan.Notice) && plan.Notice.ValueString() != defaultNotice {
		info.Notice, ok = strPtr(plan.Notice), true
	}
	if known(plan.MaxMemberCount) {
		info.MaxMemberCount, ok = int64Ptr(plan.MaxMemberCount), true
	}
	return info, ok
}

// expandConverge builds an update_room_info request setting every updatable field to the plan:
// used when create_room found the room already there (100010) and the provider adopts it.
func expandConverge(plan roomModel) wire.RoomInfo {
	info := wire.RoomInfo{
		RoomID:            plan.RoomID.ValueString(),
		TakeSeatMode:      strPtr(plan.TakeSeatMode),
		IsMessageDisabled: boolPtr(plan.IsMessageDisabled),
		IsPublicVisible:   boolPtr(plan.IsPublicVisible),
		RoomName:          strPtr(plan.RoomName),
		CoverURL:          strPtr(plan.CoverURL),
		Category:          categoryPtr(plan.Category),
		ActivityStatus:    int64Ptr(plan.ActivityStatus),
		Notice:            strPtr(plan.Notice),
	}
	if known(plan.MaxMemberCount) {
		info.MaxMemberCount = int64Ptr(plan.MaxMemberCount)
	}
	if known(plan.UnlimitedRoom) {
		info.IsUnlimitedRoomEnabled = boolPtr(plan.UnlimitedRoom)
	}
	return info
}

// expandUpdate builds the update_room_info request for the fields whose planned value differs
// from state. ok is false when nothing the API stores changed (for example only the spelling
// of the landscape template, or the timeouts).
func expandUpdate(plan, state roomModel) (info wire.RoomInfo, ok bool) {
	info.RoomID = plan.RoomID.ValueString()
	changed := func(p, s attr.Value) bool { return known(p) && !p.Equal(s) }
	if changed(plan.TakeSeatMode, state.TakeSeatMode) {
		info.TakeSeatMode, ok = strPtr(plan.TakeSeatMode), true
	}
	if changed(plan.IsMessageDisabled, state.IsMessageDisabled) {
		info.IsMessageDisabled, ok = boolPtr(plan.IsMessageDisabled), true
	}
	if changed(plan.IsPublicVisible, state.IsPublicVisible) {
		info.IsPublicVisible, ok = boolPtr(plan.IsPublicVisible), true
	}
	if changed(plan.RoomName, state.RoomName) {
		info.RoomName, ok = strPtr(plan.RoomName), true
	}
	if changed(plan.CoverURL, state.CoverURL) {
		info.CoverURL, ok = strPtr(plan.CoverURL), true
	}
	if changed(plan.Category, state.Category) {
		info.Category, ok = categoryPtr(plan.Category), true
	}
	if changed(plan.ActivityStatus, state.ActivityStatus) {
		info.ActivityStatus, ok = int64Ptr(plan.ActivityStatus), true
	}
	if changed(plan.Notice, state.Notice) {
		info.Notice, ok = strPtr(plan.Notice), true
	}
	if changed(plan.MaxMemberCount, state.MaxMemberCount) {
		info.MaxMemberCount, ok = int64Ptr(plan.MaxMemberCount), true
	}
	if changed(plan.UnlimitedRoom, state.UnlimitedRoom) {
		info.IsUnlimitedRoomEnabled, ok = boolPtr(plan.UnlimitedRoom), true
	}
	return info, ok
}

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
		m.SeatTemplate = nullIfUnknown(prior.SeatTemplate)
	case known(prior.SeatTemplate) && sameSeatTemplate(prior.SeatTemplate.ValueString(), *info.SeatTemplate):
		// keep the configured spelling of an equivalent template
	default:
		m.SeatTemplate = types.StringValue(*info.SeatTemplate)
	}

	if info.OwnerAccount != nil {
		m.OwnerAccount = types.StringValue(*info.OwnerAccount)
	} else {
		m.OwnerAccount = nullIfUnknown(prior.OwnerAccount)
	}
	m.TakeSeatMode = types.StringValue(valueOr(info.TakeSeatMode, defaultTakeSeatMode))
	m.MaxSeatCount = int64Or(info.MaxSeatCount, prior.MaxSeatCount)
	m.MaxMemberCount = int64Or(info.MaxMemberCount, prior.MaxMemberCount)
	m.IsMessageDisabled = types.BoolValue(valueOr(info.IsMessageDisabled, defaultIsMessageDisabled))
	m.IsPublicVisible = types.BoolValue(valueOr(info.IsPublicVisible, defaultIsPublicVisible))
	m.RoomName = types.StringValue(valueOr(info.RoomName, m.RoomID.ValueString()))
	m.CoverURL = types.StringValue(valueOr(info.CoverURL, defaultCoverURL))
	if info.Category != nil {
		m.Category = categoryList(*info.Category)
	} else {
		m.Category = categoryList(nil)
	}
	m.ActivityStatus = types.Int64Value(valueOr(info.ActivityStatus, defaultActivityStatus))
	m.Notice = types.StringValue(valueOr(info.Notice, defaultNotice))
	m.CreateTime = int64Or(info.CreateTime, prior.CreateTime)
	m.Metadata, m.Admins, m.Robots = typedMap(m.Metadata), typedSet(m.Admins), typedSet(m.Robots) // read on their own (readExtras)
	m.UnlimitedRoom = boolOr(info.IsUnlimitedRoomEnabled, prior.UnlimitedRoom)
	m.KeepOwnerOnSeat = boolOr(info.KeepOwnerOnSeat, prior.KeepOwnerOnSeat)
	if !known(m.DeletionProtected) { // Terraform's own setting: an import starts unprotected
		m.DeletionProtected = types.BoolValue(false)
	}
	return m
}

// importIDSeparator separates the optional seat template in an import ID.
const importIDSeparator = ","

// parseImportID splits an import ID. "ROOM_ID" imports by room ID; "ROOM_ID,SEAT_TEMPLATE"
// also records the template, for API versions whose get_room_info leaves SeatTemplate out (the
// only way an import can then be followed by an empty plan). The suffix counts only when it is
// a documented template name, so a room ID that happens to contain a comma still imports; a
// room ID that itself ends in ",<template>" is imported as "ROOM_ID,<template>,<template>".
func parseImportID(id string) (roomID, seatTemplate string) {
	i := strings.LastIndex(id, importIDSeparator)
	if i < 0 {
		return id, ""
	}
	if _, ok := livespec.LookupSeatTemplate(id[i+1:]); !ok {
		return id, ""
	}
	return id[:i], id[i+1:]
}
