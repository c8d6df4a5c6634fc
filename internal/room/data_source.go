package room

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

var _ datasource.DataSourceWithConfigure = &roomDataSource{}

// roomDataSource is the tencentlive_room data source: one room by ID, read with get_room_info.
type roomDataSource struct {
	data *tfkit.ProviderData
}

// NewDataSource returns the tencentlive_room data source.
func NewDataSource() datasource.DataSource { return &roomDataSource{} }

// roomDataModel is the tencentlive_room data source: the resource's attributes plus the
// audience count, without the resource's timeouts.
type roomDataModel struct {
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
	ViewCount         types.Int64    `tfsdk:"view_count"`
	UnlimitedRoom     types.Bool     `tfsdk:"is_unlimited_room_enabled"`
	KeepOwnerOnSeat   types.Bool     `tfsdk:"keep_owner_on_seat"`
	Metadata          types.Map      `tfsdk:"metadata"`
	Admins            types.Set      `tfsdk:"admins"`
	Robots            types.Set      `tfsdk:"robots"`
	Timeouts          timeouts.Value `tfsdk:"timeouts"`
}

// flattenRoomData maps get_room_info to the data source with the resource's flatten, so both
// read a room the same way. Nothing is known beforehand but the room ID.
func flattenRoomData(info wire.RoomInfo, roomID string, t timeouts.Value) roomDataModel {
	m := flatten(info, roomModel{RoomID: types.StringValue(roomID)})
	return roomDataModel{
		ID:                m.ID,
		RoomID:            m.RoomID,
		SeatTemplate:      m.SeatTemplate.StringValue,
		OwnerAccount:      m.OwnerAccount,
		TakeSeatMode:      m.TakeSeatMode,
		MaxSeatCount:      m.MaxSeatCount,
		MaxMemberCount:    m.MaxMemberCount,
		IsMessageDisabled: m.IsMessageDisabled,
		IsPublicVisible:   m.IsPublicVisible,
		RoomName:          m.RoomName,
		CoverURL:          m.CoverURL,
		Category:          m.Category,
		ActivityStatus:    m.ActivityStatus,
		Notice:            m.Notice,
		CreateTime:        m.CreateTime,
		ViewCount:         tfkit.Int64Or(info.ViewCount, types.Int64Null()),
		UnlimitedRoom:     m.UnlimitedRoom,
		KeepOwnerOnSeat:   m.KeepOwnerOnSeat,
		Metadata:          types.MapNull(types.StringType),
		Admins:            types.SetNull(types.StringType),
		Robots:            types.SetNull(types.StringType),
		Timeouts:          t,
	}
}

func (d *roomDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_room"
}

func (d *roomDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "One live room by its room ID, read with get_room_info: every attribute of the tencentlive_room " +
			"resource, plus its audience count. Private rooms (is_public_visible = false) are found too. " +
			"Fails with \"Live room not found\" when the room does not exist (100004).",
		Attributes: map[string]schema.Attribute{
			"id": computedString("Same as room_id."),
			"room_id": schema.StringAttribute{
				Required:    true,
				Description: fmt.Sprintf("ID of the room to read: 1 to %d bytes of printable ASCII (0x20-0x7E).", livespec.MaxRoomIDBytes),
				Validators: []validator.String{
					tfkit.ByteLength{Min: 1, Max: livespec.MaxRoomIDBytes, Code: livespec.CodeInvalidParam},
					tfkit.PrintableASCII{},
				},
			},
			"seat_template": computedString(fmt.Sprintf("Seat layout template: one of %s. Null when the API version does not report it.",
				strings.Join(livespec.SeatTemplateNames(), ", "))),
			"owner_account":       computedString("UserID of the host."),
			"take_seat_mode":      computedString(fmt.Sprintf("How audience members take a seat: %s or %s.", livespec.TakeSeatFree, livespec.TakeSeatApply)),
			"max_seat_count":      computedInt64("Number of seats. Null when the API does not report it."),
			"max_member_count":    computedInt64("Room capacity in members. Null when the API does not report it."),
			"is_message_disabled": computedBool("Whether chat is muted for everyone but the owner and admins."),
			"is_public_visible":   computedBool("Whether the room is listed by get_room_list (the tencentlive_rooms data source)."),
			"room_name":           computedString(fmt.Sprintf("Display name, at most %d bytes.", livespec.MaxRoomNameBytes)),
			"cover_url":           computedString("Cover image URL; empty when none."),
			"category": schema.ListAttribute{
				Computed:    true,
				ElementType: types.Int64Type,
				Description: fmt.Sprintf("Application-defined category tags (integers), at most %d; empty when none.", livespec.MaxCategories),
			},
			"activity_status":           computedInt64("Application-defined activity status."),
			"notice":                    computedString("Room notice; empty when none."),
			"create_time":               computedInt64("When the room was created, in Unix seconds."),
			"view_count":                computedInt64("Entries into the room since it was created, repeat entries counted (the service's cumulative ViewCount, not the audience now); it grows while the room is live."),
			"is_unlimited_room_enabled": computedBool("Whether the high-concurrency mode (IsUnlimitedRoomEnabled) is on. Null when the API does not report it."),
			"keep_owner_on_seat":        computedBool("Whether the host takes a seat automatically (KeepOwnerOnSeat). Null when the API does not report it."),
			"metadata": schema.MapAttribute{
				Computed:    true,
				ElementType: types.StringType,
				Description: "Every metadata key of the room (get_room_metadata), those the app writes at run time included; empty when none.",
			},
			"admins": schema.SetAttribute{
				Computed:    true,
				ElementType: types.StringType,
				Description: "User IDs of the room's admins (get_admin_list); empty when none.",
			},
			"robots": schema.SetAttribute{
				Computed:    true,
				ElementType: types.StringType,
				Description: "User IDs of the room's robots (get_robot); empty when none. A room with a robot is not dismissed by the platform when it empties.",
			},
			"timeouts": timeouts.Attributes(ctx),
		},
	}
}

// Computed attributes of the data sources.
func computedString(description string) schema.StringAttribute {
	return schema.StringAttribute{Computed: true, Description: description}
}
func computedInt64(description string) schema.Int64Attribute {
	return schema.Int64Attribute{Computed: true, Description: description}
}
func computedBool(description string) schema.BoolAttribute {
	return schema.BoolAttribute{Computed: true, Description: description}
}

func (d *roomDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = tfkit.ProviderDataOf(req.ProviderData, &resp.Diagnostics)
}

func (d *roomDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	const summary = "Unable to read live room"
	var config roomDataModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}
	c := d.data.APIClient(summary, resp.Diagnostics.AddError)
	if c == nil {
		return
	}
	timeout, diags := config.Timeouts.Read(ctx, defaultReadTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	roomID := config.RoomID.ValueString()
	info, err := c.GetRoomInfo(ctx, roomID)
	if tfkit.IsCode(err, livespec.CodeRoomNotFound) {
		detail, _ := describeAPIError(tfkit.APIFailure{RoomID: roomID}, err)
		resp.Diagnostics.AddAttributeError(path.Root("room_id"), "Live room not found", detail)
		return
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, tfkit.APIFailure{Summary: summary, RoomID: roomID, Timeout: "read"}, err)
		return
	}
	state := flattenRoomData(info, roomID, config.Timeouts)
	extras := roomModel{RoomID: state.RoomID}
	if f := readExtras(ctx, c, &extras, true); f != nil {
		addAPIError(&resp.Diagnostics, tfkit.APIFailure{Summary: summary, RoomID: roomID, Timeout: "read"}, f.err)
		return
	}
	state.Metadata, state.Admins, state.Robots = metadataMap(tfkit.MapStrings(extras.Metadata)),
		tfkit.StringSet(tfkit.SetStrings(extras.Admins)), tfkit.StringSet(tfkit.SetStrings(extras.Robots)) // none: empty, not null
	resp.Diagnostics.Append(resp.State.Set(ctx, &state)...)
}
