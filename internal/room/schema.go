package room

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/booldefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/boolplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64default"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/int64planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/listdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringdefault"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

// The one table of tencentlive_room's attributes. A new attribute is one entry here (its name,
// its schema, the model field behind it, the RoomInfo field that carries it and how a change
// reaches the room) plus its field in roomModel (whose tfsdk tag TestRoomCodecMatchesFramework
// holds to the name). The schema (Schema), the codec (codec.go), the diagnostics (diag.go), the
// replace decision and RequiresReplace (plan.go), adoption (create.go) and the update requests
// (expand.go) all read it; TestEveryAttributeHasItsChangeRules fails on an entry that lacks a
// rule its kind needs.

// changeKind says how a new value of an attribute reaches the room.
type changeKind int

const (
	// computed attributes are set by the service or the provider, never configured.
	computed changeKind = iota + 1
	// createOnly attributes go with create_room only: a change needs a new room (replaces),
	// and an existing room found at create must already hold them (conflict).
	createOnly
	// inPlace attributes go with update_room_info too (send): an update sends the changed
	// ones, an adoption all of them.
	inPlace
	// ownCommands attributes have commands of their own (extras.go: metadata, admins, robots).
	ownCommands
	// terraformOnly attributes are Terraform's own settings, never sent.
	terraformOnly
)

// roomAttribute is one attribute of the room.
type roomAttribute struct {
	name     string
	apiField string // the vendor's RoomInfo field that carries it ("" for none); diagnostics match it in messages
	bind     func(m *roomModel, name string) modelField
	schema   schema.Attribute
	change   changeKind

	// createOnly: whether going from state to plan (with config, the configuration) needs a
	// new room; plan.go turns it into RequiresReplace.
	replaces func(state, plan, config roomModel) bool
	// createOnly: what an existing room holds that the plan does not ("" when they agree), or
	// nil with notCompared saying why adoption does not compare it.
	conflict    func(existing, plan roomModel) string
	notCompared string

	// inPlace: puts m's value into an update_room_info request.
	send func(info *wire.RoomInfo, m roomModel)
}

// differs is the replaces rule of a plain create-only attribute: any planned change, an
// unknown value included, needs a new room (what the framework's RequiresReplace does).
func differs(value func(m roomModel) attr.Value) func(state, plan, config roomModel) bool {
	return func(state, plan, _ roomModel) bool {
		p := value(plan)
		return p.IsUnknown() || !p.Equal(value(state))
	}
}

// bind names the model field behind an attribute, for the codec.
func bind[T attr.Value](field func(m *roomModel) *T) func(*roomModel, string) modelField {
	return func(m *roomModel, name string) modelField { return fieldOf(name, field(m)) }
}

// roomAttributes lists every attribute of tencentlive_room.
var roomAttributes = []roomAttribute{
	{
		name: "id",
		bind: bind(func(m *roomModel) *types.String { return &m.ID }),
		schema: schema.StringAttribute{
			Computed:      true,
			Description:   "Same as room_id.",
			PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
		},
		change: computed,
	},
	{
		name:     "room_id",
		apiField: "RoomId",
		bind:     bind(func(m *roomModel) *types.String { return &m.RoomID }),
		schema: schema.StringAttribute{
			Required: true,
			Description: fmt.Sprintf("Unique room ID within the application: 1 to %d bytes of letters, digits, space and `%s` "+
				"(TRTC's string room ID set: clients cannot join a room by another ID). Changing it creates a new room.",
				livespec.MaxRoomIDBytes, strings.Join(strings.Split(livespec.RoomIDSymbols, ""), " ")),
			Validators: []validator.String{
				tfkit.ByteLength{Min: 1, Max: livespec.MaxRoomIDBytes, Code: livespec.CodeInvalidParam},
				roomIDChars{},
			},
		},
		change:      createOnly,
		replaces:    differs(func(m roomModel) attr.Value { return m.RoomID }),
		notCompared: "an existing room is found by its room ID",
	},
	{
		name:     "seat_template",
		apiField: "SeatTemplate",
		bind:     bind(func(m *roomModel) *seatTemplateValue { return &m.SeatTemplate }),
		schema: schema.StringAttribute{
			Required: true,
			Description: fmt.Sprintf("Seat layout template: one of %s. %s and %s both mean the landscape template 200. Changing it creates a new room.",
				strings.Join(livespec.SeatTemplateNames(), ", "), livespec.LandscapeConsole, livespec.LandscapeSDK),
			CustomType:    seatTemplateType{},
			Validators:    []validator.String{tfkit.OneOf{Values: livespec.SeatTemplateNames(), Code: livespec.CodeInvalidParam}},
			PlanModifiers: []planmodifier.String{keepSeatTemplateSpelling{}},
		},
		change: createOnly,
		replaces: func(state, plan, _ roomModel) bool {
			return seatTemplateChanges(state.SeatTemplate.StringValue, plan.SeatTemplate.StringValue)
		},
		conflict: func(existing, plan roomModel) string {
			e, p := existing.SeatTemplate, plan.SeatTemplate
			if !e.IsKnown() || !p.IsKnown() || sameSeatTemplate(e.ValueString(), p.ValueString()) {
				return ""
			}
			return fmt.Sprintf("seat_template is %s, the configuration says %s", e.ValueString(), p.ValueString())
		},
	},
	{
		name:     "owner_account",
		apiField: "Owner_Account",
		bind:     bind(func(m *roomModel) *types.String { return &m.OwnerAccount }),
		schema: schema.StringAttribute{
			Optional: true,
			Computed: true,
			Description: fmt.Sprintf("UserID of the host, 1 to %d bytes; the account must be imported (for example with tencentlive_account). "+
				"Defaults to the provider's identifier when the room is created. Changing it creates a new room.", livespec.MaxUserIDBytes),
			Validators:    []validator.String{tfkit.ByteLength{Min: 1, Max: livespec.MaxUserIDBytes, Code: livespec.CodeInvalidParam}},
			PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
		},
		change:      createOnly,
		replaces:    differs(func(m roomModel) attr.Value { return m.OwnerAccount }),
		notCompared: "a room under another owner is refused before (100003, checkExisting)",
	},
	{
		name:     "take_seat_mode",
		apiField: "TakeSeatMode",
		bind:     bind(func(m *roomModel) *types.String { return &m.TakeSeatMode }),
		schema: schema.StringAttribute{
			Optional: true,
			Computed: true,
			Description: fmt.Sprintf("How audience members take a seat: %s (default) or %s.",
				livespec.TakeSeatFree, livespec.TakeSeatApply),
			Default:    stringdefault.StaticString(defaultTakeSeatMode),
			Validators: []validator.String{tfkit.OneOf{Values: livespec.TakeSeatModes, Code: livespec.CodeInvalidParam}},
		},
		change: inPlace,
		send:   func(info *wire.RoomInfo, m roomModel) { info.TakeSeatMode = tfkit.StrPtr(m.TakeSeatMode) },
	},
	{
		name:     "max_seat_count",
		apiField: "MaxSeatCount",
		bind:     bind(func(m *roomModel) *types.Int64 { return &m.MaxSeatCount }),
		schema: schema.Int64Attribute{
			Optional: true,
			Computed: true,
			Description: fmt.Sprintf("Number of seats, at least 1; only with %s (the vendor caps it at the package's seat limit). "+
				"A video template has a fixed count (9, 7 or 4, as its name says): it may be written, as config generation does, but not changed. "+
				"Read from the room when unset. Changing it creates a new room.", strings.Join(livespec.VoiceTemplateNames(), " or ")),
			Validators:    []validator.Int64{tfkit.Int64AtLeast{Min: 1, Code: livespec.CodeInvalidParam}},
			PlanModifiers: []planmodifier.Int64{int64planmodifier.UseStateForUnknown()},
		},
		change:   createOnly,
		replaces: differs(func(m roomModel) attr.Value { return m.MaxSeatCount }),
		conflict: func(existing, plan roomModel) string {
			e, p := existing.MaxSeatCount, plan.MaxSeatCount
			if !tfkit.Known(e) || !tfkit.Known(p) || e.ValueInt64() == p.ValueInt64() {
				return ""
			}
			return fmt.Sprintf("max_seat_count is %d, the configuration says %d", e.ValueInt64(), p.ValueInt64())
		},
	},
	{
		name:     "max_member_count",
		apiField: "MaxMemberCount",
		bind:     bind(func(m *roomModel) *types.Int64 { return &m.MaxMemberCount }),
		schema: schema.Int64Attribute{
			Optional:    true,
			Computed:    true,
			Description: "Room capacity in members, at least 1 and at most the package's limit. Read from the room (the package limit) when unset.",
			Validators:  []validator.Int64{tfkit.Int64AtLeast{Min: 1, Code: livespec.CodeInvalidParam}},
			PlanModifiers: []planmodifier.Int64{
				int64planmodifier.UseStateForUnknown(),
			},
		},
		change: inPlace,
		send: func(info *wire.RoomInfo, m roomModel) {
			if tfkit.Known(m.MaxMemberCount) {
				info.MaxMemberCount = tfkit.Int64Ptr(m.MaxMemberCount)
			}
		},
	},
	{
		name:     "is_message_disabled",
		apiField: "IsMessageDisabled",
		bind:     bind(func(m *roomModel) *types.Bool { return &m.IsMessageDisabled }),
		schema: schema.BoolAttribute{
			Optional:    true,
			Computed:    true,
			Description: "Mutes chat for everyone but the owner and admins. Default false.",
			Default:     booldefault.StaticBool(defaultIsMessageDisabled),
		},
		change: inPlace,
		send:   func(info *wire.RoomInfo, m roomModel) { info.IsMessageDisabled = tfkit.BoolPtr(m.IsMessageDisabled) },
	},
	{
		name:     "is_public_visible",
		apiField: "IsPublicVisible",
		bind:     bind(func(m *roomModel) *types.Bool { return &m.IsPublicVisible }),
		schema: schema.BoolAttribute{
			Optional:    true,
			Computed:    true,
			Description: "Whether the room is listed by get_room_list. Default true.",
			Default:     booldefault.StaticBool(defaultIsPublicVisible),
		},
		change: inPlace,
		send:   func(info *wire.RoomInfo, m roomModel) { info.IsPublicVisible = tfkit.BoolPtr(m.IsPublicVisible) },
	},
	{
		name:     "room_name",
		apiField: "RoomName",
		bind:     bind(func(m *roomModel) *types.String { return &m.RoomName }),
		schema: schema.StringAttribute{
			Optional: true,
			Computed: true,
			Description: fmt.Sprintf("Display name, 1 to %d bytes (UTF-8; a CJK character takes 3). Defaults to room_id.",
				livespec.MaxRoomNameBytes),
			Validators: []validator.String{tfkit.ByteLength{Min: 1, Max: livespec.MaxRoomNameBytes, Code: livespec.CodeInvalidParam}},
		},
		change: inPlace,
		send:   func(info *wire.RoomInfo, m roomModel) { info.RoomName = tfkit.StrPtr(m.RoomName) },
	},
	{
		name:     "cover_url",
		apiField: "CoverURL",
		bind:     bind(func(m *roomModel) *types.String { return &m.CoverURL }),
		schema: schema.StringAttribute{
			Optional:    true,
			Computed:    true,
			Description: fmt.Sprintf("Cover image URL, at most %d bytes. Default empty.", livespec.MaxCoverURLBytes),
			Default:     stringdefault.StaticString(defaultCoverURL),
			Validators:  []validator.String{tfkit.ByteLength{Min: 0, Max: livespec.MaxCoverURLBytes, Code: livespec.CodeInvalidParam}},
		},
		change: inPlace,
		send:   func(info *wire.RoomInfo, m roomModel) { info.CoverURL = tfkit.StrPtr(m.CoverURL) },
	},
	{
		name:     "category",
		apiField: "Category",
		bind:     bind(func(m *roomModel) *types.List { return &m.Category }),
		schema: schema.ListAttribute{
			Optional:    true,
			Computed:    true,
			ElementType: types.Int64Type,
			Description: fmt.Sprintf("Application-defined category tags (integers), at most %d. Default empty.", livespec.MaxCategories),
			Default:     listdefault.StaticValue(types.ListValueMust(types.Int64Type, []attr.Value{})),
			Validators:  []validator.List{tfkit.ListAtMost{Max: livespec.MaxCategories, Code: livespec.CodeTooManyCategories}},
		},
		change: inPlace,
		send:   func(info *wire.RoomInfo, m roomModel) { info.Category = categoryPtr(m.Category) },
	},
	{
		name:     "activity_status",
		apiField: "ActivityStatus",
		bind:     bind(func(m *roomModel) *types.Int64 { return &m.ActivityStatus }),
		schema: schema.Int64Attribute{
			Optional:    true,
			Computed:    true,
			Description: "Application-defined activity status (an integer). Default 0.",
			Default:     int64default.StaticInt64(defaultActivityStatus),
		},
		change: inPlace,
		send:   func(info *wire.RoomInfo, m roomModel) { info.ActivityStatus = tfkit.Int64Ptr(m.ActivityStatus) },
	},
	{
		name:     "notice",
		apiField: "Notice",
		bind:     bind(func(m *roomModel) *types.String { return &m.Notice }),
		schema: schema.StringAttribute{
			Optional:    true,
			Computed:    true,
			Description: fmt.Sprintf("Room notice, at most %d bytes (UTF-8). Default empty.", livespec.MaxNoticeBytes),
			Default:     stringdefault.StaticString(defaultNotice),
			Validators:  []validator.String{tfkit.ByteLength{Min: 0, Max: livespec.MaxNoticeBytes, Code: livespec.CodeInvalidParam}},
		},
		change: inPlace,
		send:   func(info *wire.RoomInfo, m roomModel) { info.Notice = tfkit.StrPtr(m.Notice) },
	},
	{
		name: "create_time",
		bind: bind(func(m *roomModel) *types.Int64 { return &m.CreateTime }),
		schema: schema.Int64Attribute{
			Computed:      true,
			Description:   "When the room was created, in Unix seconds.",
			PlanModifiers: []planmodifier.Int64{int64planmodifier.UseStateForUnknown()},
		},
		change: computed,
	},
	{
		name: "deletion_protection",
		bind: bind(func(m *roomModel) *types.Bool { return &m.DeletionProtected }),
		schema: schema.BoolAttribute{
			Optional: true,
			Computed: true,
			Default:  booldefault.StaticBool(false),
			Description: "While true, a plan that would destroy or replace the room fails, with no API call: rooms that people are in " +
				"are dismissed by a destroy or a replacement. To destroy or replace a protected room, set it to false (or remove it) and " +
				"apply that first. Default false.",
		},
		change: terraformOnly,
	},
	{
		name:     "is_unlimited_room_enabled",
		apiField: "IsUnlimitedRoomEnabled",
		bind:     bind(func(m *roomModel) *types.Bool { return &m.UnlimitedRoom }),
		schema: schema.BoolAttribute{
			Optional: true,
			Computed: true,
			Description: "High-concurrency mode (IsUnlimitedRoomEnabled), sent on create and on update. Tencent's own console sends true " +
				"for every room, as some app versions need it. When unset nothing is sent and the value the room reports is recorded " +
				"(the vendor's default is false; null when the service does not report it).",
			PlanModifiers: []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()}, // keeps a null too: unreported stays null
		},
		change: inPlace,
		send: func(info *wire.RoomInfo, m roomModel) { // unset: the room keeps its value
			if tfkit.Known(m.UnlimitedRoom) {
				info.IsUnlimitedRoomEnabled = tfkit.BoolPtr(m.UnlimitedRoom)
			}
		},
	},
	{
		name:     "keep_owner_on_seat",
		apiField: "KeepOwnerOnSeat",
		bind:     bind(func(m *roomModel) *types.Bool { return &m.KeepOwnerOnSeat }),
		schema: schema.BoolAttribute{
			Optional: true,
			Computed: true,
			Description: "Whether the host takes a seat automatically (KeepOwnerOnSeat), sent on create only: changing it creates a new room. " +
				"Tencent's console sends false for rooms whose stream a robot pushes from OBS. When unset nothing is sent and the value " +
				"the room reports is recorded (null when the service does not report it).",
			PlanModifiers: []planmodifier.Bool{boolplanmodifier.UseStateForUnknown()},
		},
		change: createOnly,
		// Unset, it follows the room and never replaces it.
		replaces: func(state, plan, config roomModel) bool {
			return !config.KeepOwnerOnSeat.IsNull() && keepOwnerChanges(state.KeepOwnerOnSeat, plan.KeepOwnerOnSeat)
		},
		notCompared: "adoption keeps the room's value, which the state then records",
	},
	{
		name: "metadata",
		bind: bind(func(m *roomModel) *types.Map { return &m.Metadata }),
		schema: schema.MapAttribute{
			Optional:    true,
			ElementType: types.StringType,
			Description: fmt.Sprintf("Room metadata the app reads (set_room_metadata), key to value. Authoritative for the keys it names only: "+
				"keys the app writes at run time are left alone and never shown as a change, a key removed from the map is deleted, "+
				"and a managed key changed behind Terraform's back is set back. At most %d keys per room, the app's own keys included "+
				"(%d); a key is 1 to %d bytes (%d), a value at most %d bytes (%d), all values of the room together at most %d bytes (%d). "+
				"Null (unset) leaves the metadata alone.",
				livespec.MaxMetadataKeys, int(livespec.CodeMetadataTooManyKeys), livespec.MaxMetadataKeyBytes, int(livespec.CodeMetadataKeyLong),
				livespec.MaxMetadataValueBytes, int(livespec.CodeMetadataValueLarge), livespec.MaxMetadataTotalBytes, int(livespec.CodeMetadataTotalLarge)),
			Validators: []validator.Map{metadataLimits{}},
		},
		change: ownCommands,
	},
	{
		name: "admins",
		bind: bind(func(m *roomModel) *types.Set { return &m.Admins }),
		schema: schema.SetAttribute{
			Optional:    true,
			ElementType: types.StringType,
			Description: fmt.Sprintf("User IDs of the room's admins (modify_admin), each an imported account of 1 to %d bytes. When set, the room "+
				"has exactly these admins: one added or removed behind Terraform's back is shown and set back. The owner needs no entry. "+
				"The package caps the admins of a room (%d beyond it). Null (unset) leaves the admins alone.",
				livespec.MaxUserIDBytes, int(livespec.CodeTooManyAdmins)),
			Validators: []validator.Set{userIDs{}},
		},
		change: ownCommands,
	},
	{
		name: "robots",
		bind: bind(func(m *roomModel) *types.Set { return &m.Robots }),
		schema: schema.SetAttribute{
			Optional:    true,
			ElementType: types.StringType,
			Description: fmt.Sprintf("User IDs of the room's robots (add_robot, del_robot), each an imported account of 1 to %d bytes, for "+
				"example the account whose UserSig an encoder such as OBS pushes the stream with. A room with a robot is not dismissed by "+
				"the platform when it empties: it lives until it is destroyed. When set, the room has exactly these robots. "+
				"Null (unset) leaves the robots alone.", livespec.MaxUserIDBytes),
			Validators: []validator.Set{userIDs{}},
		},
		change: ownCommands,
	},
	{
		name:   "timeouts",
		bind:   bind(func(m *roomModel) *timeouts.Value { return &m.Timeouts }),
		schema: timeouts.Attributes(context.Background(), timeouts.Opts{Create: true, Read: true, Update: true, Delete: true}),
		change: terraformOnly,
	},
}
