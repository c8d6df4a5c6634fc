package room

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

var (
	_ list.ListResourceWithConfigure      = &roomList{}
	_ list.ListResourceWithValidateConfig = &roomList{}
)

// roomList is the tencentlive_room list resource, for `terraform query`: the rooms an
// application already has, as identities (and, with include_resource, as the objects an import
// would read), so that `terraform query -generate-config-out` writes configuration and import
// blocks for them. get_room_list shows public rooms only; room_ids names the others.
type roomList struct {
	data *tfkit.ProviderData
}

// NewList returns the tencentlive_room list resource.
func NewList() list.ListResource { return &roomList{} }

// listWorkers is how many rooms are read at once with include_resource; the client's limiter
// paces them to the commands' rates, so this only has to keep the rate busy.
const listWorkers = 32

type roomListModel struct {
	RoomIDPrefix types.String `tfsdk:"room_id_prefix"`
	OwnerAccount types.String `tfsdk:"owner_account"`
	SeatTemplate types.String `tfsdk:"seat_template"`
	RoomIDs      types.List   `tfsdk:"room_ids"`
	Timeout      types.String `tfsdk:"timeout"`
}

func (l *roomList) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_room"
}

func (l *roomList) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	l.data = tfkit.ProviderDataOf(req.ProviderData, &resp.Diagnostics)
}

func (l *roomList) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = schema.Schema{
		Description: fmt.Sprintf("The live rooms of the application, for `terraform query`. Public rooms are walked with get_room_list "+
			"(%d rooms a page, %g pages a second); the platform does not list private rooms (is_public_visible = false): name them in "+
			"room_ids and they are read with get_room_info. Filters narrow the listed rooms; every room of room_ids is returned.",
			livespec.MaxRoomListPage, livespec.CommandRate("get_room_list")),
		Attributes: map[string]schema.Attribute{
			"room_id_prefix": schema.StringAttribute{
				Optional:    true,
				Description: fmt.Sprintf("Only listed rooms whose ID starts with this, 1 to %d bytes. An empty prefix is refused (it would read as a filter but match everything).", livespec.MaxRoomIDBytes),
				Validators:  []validator.String{tfkit.ByteLength{Min: 1, Max: livespec.MaxRoomIDBytes, Code: livespec.CodeInvalidParam}},
			},
			"owner_account": schema.StringAttribute{
				Optional:    true,
				Description: fmt.Sprintf("Only listed rooms hosted by this UserID, 1 to %d bytes.", livespec.MaxUserIDBytes),
				Validators:  []validator.String{tfkit.ByteLength{Min: 1, Max: livespec.MaxUserIDBytes, Code: livespec.CodeInvalidParam}},
			},
			"seat_template": schema.StringAttribute{
				Optional: true,
				Description: fmt.Sprintf("Only listed rooms of this seat template: one of %s (the two landscape spellings match the same rooms). "+
					"Matched by get_room_list's SeatLayoutTemplateId.", strings.Join(livespec.SeatTemplateNames(), ", ")),
				Validators: []validator.String{tfkit.OneOf{Values: livespec.SeatTemplateNames(), Code: livespec.CodeInvalidParam}},
			},
			"room_ids": schema.ListAttribute{
				ElementType: types.StringType,
				Optional:    true,
				Description: fmt.Sprintf("Rooms to return besides the listed ones, read with get_room_info: private rooms, which get_room_list "+
					"does not show. Each 1 to %d bytes; a room that does not exist is an error (100004).", livespec.MaxRoomIDBytes),
			},
			"timeout": schema.StringAttribute{
				Optional: true,
				Description: fmt.Sprintf("How long the whole query may take, retries of refused (60007) and failed requests included, "+
					"as a Go duration (\"90s\", \"10m\"). Default %s.", tfkit.DefaultListTimeout),
			},
		},
	}
}

// ValidateListResourceConfig refuses what the attribute validators cannot see: a room_ids
// entry that is no room ID, a timeout that is no duration.
func (l *roomList) ValidateListResourceConfig(ctx context.Context, req list.ValidateConfigRequest, resp *list.ValidateConfigResponse) {
	var m roomListModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	for _, id := range namedRooms(m.RoomIDs) {
		if msg := (tfkit.ByteLength{Min: 1, Max: livespec.MaxRoomIDBytes, Code: livespec.CodeInvalidParam}).Check("room_ids entry", id); msg != "" {
			resp.Diagnostics.AddAttributeError(path.Root("room_ids"), "Invalid room_ids", msg)
		}
	}
	if _, err := tfkit.ListTimeout(m.Timeout); err != nil {
		resp.Diagnostics.AddAttributeError(path.Root("timeout"), "Invalid timeout", err.Error())
	}
}

// namedRooms returns the known room IDs of room_ids.
func namedRooms(l types.List) []string {
	var ids []string
	for _, e := range l.Elements() {
		if s, ok := e.(types.String); ok && tfkit.Known(s) {
			ids = append(ids, s.ValueString())
		}
	}
	return ids
}

// listFilter selects listed rooms; an unset field matches every room.
type listFilter struct {
	prefix, owner string
	templateID    int64 // 0: any
}

func listFilterOf(m roomListModel) listFilter {
	f := listFilter{prefix: m.RoomIDPrefix.ValueString(), owner: m.OwnerAccount.ValueString()}
	if t, ok := livespec.LookupSeatTemplate(m.SeatTemplate.ValueString()); ok {
		f.templateID = int64(t.ID)
	}
	return f
}

func (f listFilter) matches(r wire.RoomInfo) bool {
	if !strings.HasPrefix(r.RoomID, f.prefix) {
		return false
	}
	if f.owner != "" && tfkit.ValueOr(r.OwnerAccount, "") != f.owner {
		return false
	}
	return f.templateID == 0 || tfkit.ValueOr(r.SeatLayoutTemplateID, 0) == f.templateID
}

// List finds the rooms, reads them all when Terraform wants the objects, and only then sends
// results: a query refused part way (its retries spent within the timeout) answers one error
// and no rooms, so `-generate-config-out` never writes half a file.
func (l *roomList) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	const summary = "Unable to list live rooms"
	var diags diag.Diagnostics
	var m roomListModel
	diags.Append(req.Config.Get(ctx, &m)...)
	c := l.data.APIClient(summary, diags.AddError)
	timeout, err := tfkit.ListTimeout(m.Timeout)
	if err != nil {
		diags.AddAttributeError(path.Root("timeout"), summary, err.Error())
	}
	if diags.HasError() || c == nil {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	onFound := func(wire.RoomInfo) {}
	var reader *roomReader
	if req.IncludeResource {
		reader = newRoomReader(ctx, c)
		defer reader.stop()
		onFound = reader.read
	}
	found, failure := findRooms(ctx, c, listFilterOf(m), namedRooms(m.RoomIDs), req.Limit, onFound)
	if failure != nil {
		addAPIError(&diags, tfkit.APIFailure{Summary: summary, RoomID: failure.roomID, Attribute: failure.attribute, Timeout: "list"}, failure.err)
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	results := make([]list.ListResult, len(found))
	for i, r := range found {
		results[i] = req.NewListResult(ctx)
		results[i].DisplayName = displayName(r)
		results[i].Diagnostics.Append(results[i].Identity.SetAttribute(ctx, path.Root("room_id"), r.RoomID)...)
		results[i].Diagnostics.Append(results[i].Identity.SetAttribute(ctx, path.Root(tfkit.SDKAppIDAttribute), int64(c.SDKAppID()))...) //nolint:gosec // 32-bit (wire.Config checks)
	}
	if reader != nil {
		objects, failure := reader.wait()
		if failure != nil {
			addAPIError(&diags, tfkit.APIFailure{Summary: summary, RoomID: failure.roomID, Attribute: failure.attribute, Timeout: "list"}, failure.err)
			stream.Results = list.ListResultsStreamDiagnostics(diags)
			return
		}
		for i, r := range found {
			results[i].Resource.Raw = objects[r.RoomID]
		}
	}
	stream.Results = slices.Values(results)
}

func displayName(r wire.RoomInfo) string {
	if name := tfkit.ValueOr(r.RoomName, ""); name != "" && name != r.RoomID {
		return fmt.Sprintf("%s (%s)", name, r.RoomID)
	}
	return r.RoomID
}

// listFailure is the request a query failed on: the room (if any), the attribute and the error.
type listFailure struct {
	roomID, attribute string
	err               error
}

// findRooms walks get_room_list for the rooms f matches and adds the named rooms, read with
// get_room_info (their list entries, when listed, keep the list's template number), at most
// limit rooms in all (0: no limit). found is told each room as soon as it is known, while the
// walk goes on.
func findRooms(ctx context.Context, c *wire.Client, f listFilter, named []string, limit int64, found func(wire.RoomInfo)) ([]wire.RoomInfo, *listFailure) {
	var rooms []wire.RoomInfo
	have := map[string]bool{}
	add := func(r wire.RoomInfo) {
		if have[r.RoomID] || (limit > 0 && int64(len(rooms)) >= limit) {
			return
		}
		have[r.RoomID] = true
		rooms = append(rooms, r)
		found(r)
	}
	listed := map[string]wire.RoomInfo{}
	_, _, err := listRooms(ctx, func(ctx context.Context, next string) (wire.RoomListPage, error) {
		return c.GetRoomList(ctx, next, livespec.MaxRoomListPage)
	}, func(r wire.RoomInfo) bool {
		listed[r.RoomID] = r
		if f.matches(r) {
			add(r)
		}
		return false
	})
	if err != nil {
		return nil, &listFailure{err: err}
	}
	for _, id := range named {
		if have[id] {
			continue
		}
		if r, ok := listed[id]; ok {
			add(r)
			continue
		}
		info, err := c.GetRoomInfo(ctx, id)
		if err != nil {
			return nil, &listFailure{roomID: id, attribute: "room_ids", err: err}
		}
		add(info)
	}
	return rooms, nil
}

// roomReader reads rooms as an import does (roomAsImported), listWorkers at a time, while the
// list is still being walked: get_room_list gives 20 rooms a page at 10 pages a second, about
// the rate the reads go at, so reading each page's rooms as it arrives takes most of the walk's
// time off a query with include_resource. The first failure stops the rest.
type roomReader struct {
	ctx     context.Context
	cancel  context.CancelFunc
	c       *wire.Client
	slots   chan struct{}
	wg      sync.WaitGroup
	mu      sync.Mutex
	objects map[string]tftypes.Value
	first   *listFailure
}

func newRoomReader(ctx context.Context, c *wire.Client) *roomReader {
	ctx, cancel := context.WithCancel(ctx)
	return &roomReader{ctx: ctx, cancel: cancel, c: c, slots: make(chan struct{}, listWorkers), objects: map[string]tftypes.Value{}}
}

// read starts reading r once a slot is free.
func (rr *roomReader) read(r wire.RoomInfo) {
	select {
	case rr.slots <- struct{}{}:
	case <-rr.ctx.Done():
		return
	}
	rr.wg.Go(func() {
		defer func() { <-rr.slots }()
		v, f := roomAsImported(rr.ctx, rr.c, r)
		rr.mu.Lock()
		defer rr.mu.Unlock()
		switch {
		case f != nil && rr.first == nil:
			rr.first = f
			rr.cancel()
		case f == nil:
			rr.objects[r.RoomID] = v
		}
	})
}

// wait returns the objects by room ID once every read is done, or the first failure.
func (rr *roomReader) wait() (map[string]tftypes.Value, *listFailure) {
	rr.wg.Wait()
	rr.mu.Lock()
	defer rr.mu.Unlock()
	if rr.first != nil {
		return nil, rr.first
	}
	if err := rr.ctx.Err(); err != nil {
		return nil, &listFailure{err: err}
	}
	return rr.objects, nil
}

// stop ends reads still going (after a failure of the walk) and waits for them.
func (rr *roomReader) stop() {
	rr.cancel()
	rr.wg.Wait()
}

// roomAsImported builds the object an import of the room reads: get_room_info, every metadata
// key, admin and robot, and the list's template where get_room_info has none. Generated
// configuration made from it plans import-only.
func roomAsImported(ctx context.Context, c *wire.Client, listed wire.RoomInfo) (tftypes.Value, *listFailure) {
	roomID := listed.RoomID
	info, err := c.GetRoomInfo(ctx, roomID)
	if err != nil {
		return tftypes.Value{}, &listFailure{roomID: roomID, err: err}
	}
	prior, _ := roomFrom(ctx, tftypes.Value{}) // all null: what ImportState leaves before Read
	prior.RoomID = types.StringValue(roomID)
	room := flatten(info, prior)
	if info.SeatTemplate == nil {
		if name := templateName(tfkit.ValueOr(listed.SeatLayoutTemplateID, 0)); name != "" {
			room.SeatTemplate = seatTemplateOf(name)
		}
	}
	if f := readExtras(ctx, c, &room, true); f != nil {
		return tftypes.Value{}, &listFailure{roomID: roomID, attribute: f.attribute, err: f.err}
	}
	v, diags := roomValue(ctx, room)
	if diags.HasError() {
		return tftypes.Value{}, &listFailure{roomID: roomID, err: fmt.Errorf("%s", diags[0].Detail())}
	}
	return v, nil
}
