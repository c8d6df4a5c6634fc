package room

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/datasource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

var _ datasource.DataSourceWithConfigure = &roomsDataSource{}

// roomsDataSource is the tencentlive_rooms data source: the public rooms get_room_list
// reports, every page of them, optionally filtered.
type roomsDataSource struct {
	data *tfkit.ProviderData
}

// NewRoomsDataSource returns the tencentlive_rooms data source.
func NewRoomsDataSource() datasource.DataSource { return &roomsDataSource{} }

type roomsDataModel struct {
	RoomIDPrefix   types.String   `tfsdk:"room_id_prefix"`
	Category       types.Int64    `tfsdk:"category"`
	ActivityStatus types.Int64    `tfsdk:"activity_status"`
	Rooms          []roomsItem    `tfsdk:"rooms"`
	IDs            []types.String `tfsdk:"ids"`
	Timeouts       timeouts.Value `tfsdk:"timeouts"`
}

// roomsItem is one room of the list: the fields get_room_list documents.
type roomsItem struct {
	RoomID         types.String `tfsdk:"room_id"`
	RoomName       types.String `tfsdk:"room_name"`
	OwnerAccount   types.String `tfsdk:"owner_account"`
	CoverURL       types.String `tfsdk:"cover_url"`
	Category       types.List   `tfsdk:"category"`
	ActivityStatus types.Int64  `tfsdk:"activity_status"`
	CreateTime     types.Int64  `tfsdk:"create_time"`
	ViewCount      types.Int64  `tfsdk:"view_count"`
}

// flattenRoomsItem maps a get_room_list entry with the room resource's flatten, so absent
// fields get the same defaults everywhere.
func flattenRoomsItem(info wire.RoomInfo) roomsItem {
	m := flatten(info, roomModel{})
	return roomsItem{
		RoomID:         m.RoomID,
		RoomName:       m.RoomName,
		OwnerAccount:   m.OwnerAccount,
		CoverURL:       m.CoverURL,
		Category:       m.Category,
		ActivityStatus: m.ActivityStatus,
		CreateTime:     m.CreateTime,
		ViewCount:      tfkit.Int64Or(info.ViewCount, types.Int64Null()),
	}
}

// roomFilter selects rooms of the list; an unset field matches every room.
type roomFilter struct {
	prefix         string
	category       *int64 // rooms having this category number
	activityStatus *int64
}

func filterOf(m roomsDataModel) roomFilter {
	f := roomFilter{prefix: m.RoomIDPrefix.ValueString()}
	if tfkit.Known(m.Category) {
		f.category = tfkit.Int64Ptr(m.Category)
	}
	if tfkit.Known(m.ActivityStatus) {
		f.activityStatus = tfkit.Int64Ptr(m.ActivityStatus)
	}
	return f
}

func (f roomFilter) matches(r wire.RoomInfo) bool {
	if !strings.HasPrefix(r.RoomID, f.prefix) {
		return false
	}
	if f.activityStatus != nil && tfkit.ValueOr(r.ActivityStatus, defaultActivityStatus) != *f.activityStatus {
		return false
	}
	if f.category != nil {
		for _, c := range tfkit.ValueOr(r.Category, nil) {
			if c == *f.category {
				return true
			}
		}
		return false
	}
	return true
}

// fetchPage reads one page of get_room_list from cursor next.
type fetchPage func(ctx context.Context, next string) (wire.RoomListPage, error)

// listRooms walks get_room_list from the first page until Next is "", and returns the rooms
// keep accepts, in the service's order (ViewCount descending), each room once: a room whose
// audience grows between two pages can move to a later page. On failure it returns the number
// of the page that failed. A cursor seen twice stops the walk instead of looping forever.
func listRooms(ctx context.Context, fetch fetchPage, keep func(wire.RoomInfo) bool) (rooms []wire.RoomInfo, page int, err error) {
	seenRooms := map[string]bool{}
	seenCursors := map[string]bool{"": true}
	next := ""
	rooms = []wire.RoomInfo{}
	for page = 1; ; page++ {
		p, err := fetch(ctx, next)
		if err != nil {
			return nil, page, err
		}
		for _, r := range p.Rooms {
			if seenRooms[r.RoomID] {
				continue
			}
			seenRooms[r.RoomID] = true
			if keep(r) {
				rooms = append(rooms, r)
			}
		}
		if p.Next == "" {
			return rooms, page, nil
		}
		if seenCursors[p.Next] {
			return nil, page, fmt.Errorf("get_room_list answered the cursor %q a second time; stopping instead of reading the same pages forever", p.Next)
		}
		seenCursors[p.Next] = true
		next = p.Next
	}
}

func (d *roomsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_rooms"
}

func (d *roomsDataSource) Schema(ctx context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: fmt.Sprintf("The application's public live rooms, from get_room_list: every page (%d rooms each) is read, "+
			"within the command's limit of %g requests per second. Only rooms with is_public_visible = true are listed, "+
			"so this is not an inventory of all rooms; read a private room with the tencentlive_room data source. "+
			"Rooms are in the service's order (most viewers first). The filters are applied by the provider.",
			livespec.MaxRoomListPage, livespec.CommandRate("get_room_list")),
		Attributes: map[string]schema.Attribute{
			"room_id_prefix": schema.StringAttribute{
				Optional:    true,
				Description: "Only rooms whose room ID starts with this text.",
			},
			"category": schema.Int64Attribute{
				Optional:    true,
				Description: "Only rooms that have this category number among their category tags.",
			},
			"activity_status": schema.Int64Attribute{
				Optional:    true,
				Description: "Only rooms with this activity status.",
			},
			"rooms": schema.ListNestedAttribute{
				Computed:    true,
				Description: "The matching public rooms, most viewers first.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"room_id":       computedString("Room ID."),
					"room_name":     computedString("Display name."),
					"owner_account": computedString("UserID of the host."),
					"cover_url":     computedString("Cover image URL; empty when none."),
					"category": schema.ListAttribute{
						Computed:    true,
						ElementType: types.Int64Type,
						Description: "Application-defined category tags; empty when none.",
					},
					"activity_status": computedInt64("Application-defined activity status."),
					"create_time":     computedInt64("When the room was created, in Unix seconds."),
					"view_count":      computedInt64("Entries into the room since it was created, repeat entries counted (the service's cumulative ViewCount, not the audience now)."),
				}},
			},
			"ids": schema.ListAttribute{
				Computed:    true,
				ElementType: types.StringType,
				Description: "The room IDs of rooms, in the same order.",
			},
			"timeouts": timeouts.Attributes(ctx),
		},
	}
}

func (d *roomsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = tfkit.ProviderDataOf(req.ProviderData, &resp.Diagnostics)
}

func (d *roomsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	const summary = "Unable to list live rooms"
	var m roomsDataModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	c := d.data.APIClient(summary, resp.Diagnostics.AddError)
	if c == nil {
		return
	}
	timeout, diags := m.Timeouts.Read(ctx, defaultReadTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	// The wire client's limiter keeps get_room_list within its documented rate.
	fetch := func(ctx context.Context, next string) (wire.RoomListPage, error) {
		return c.GetRoomList(ctx, next, livespec.MaxRoomListPage)
	}
	rooms, page, err := listRooms(ctx, fetch, filterOf(m).matches)
	if err != nil {
		// No attribute to blame: the shared blame rules name room fields this schema lacks.
		detail, _ := describeAPIError(tfkit.APIFailure{Subject: fmt.Sprintf("Page %d of the room list", page), Timeout: "read"}, err)
		resp.Diagnostics.AddError(summary, detail)
		return
	}
	m.Rooms = make([]roomsItem, len(rooms))
	m.IDs = make([]types.String, len(rooms))
	for i, r := range rooms {
		m.Rooms[i] = flattenRoomsItem(r)
		m.IDs[i] = types.StringValue(r.RoomID)
	}
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}
