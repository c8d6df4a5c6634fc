package room

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
)

func (r *roomResource) Read(ctx context.Context, req resource.ReadRequest, resp *resource.ReadResponse) {
	const summary = "Unable to read live room"
	defer r.data.SetIdentity(ctx, resp.Identity, &resp.State, "room_id", &resp.Diagnostics)
	state, diags := roomFrom(ctx, req.State.Raw)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	c := r.data.APIClient(summary, resp.Diagnostics.AddError)
	if c == nil {
		return
	}
	timeout, diags := state.Timeouts.Read(ctx, defaultReadTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	roomID := state.RoomID.ValueString()
	if mark, _ := req.Private.GetKey(ctx, privateHalfCreated); mark != nil {
		sessionOf(r.data).sawHalfCreated(roomID)
	}
	info, err := c.GetRoomInfo(ctx, roomID)
	if tfkit.IsCode(err, livespec.CodeRoomNotFound) {
		resp.Diagnostics.AddWarning("Live room no longer exists",
			fmt.Sprintf("Room %q was not found (100004); removing it from state. The platform dismisses rooms on its own (for example when a room stays empty), so the next plan creates it again.", roomID))
		r.releaseRoomID(ctx, req.State.Raw, req.Private)
		r.data.RecordIdentity(ctx, resp.Identity, "room_id", roomID, &resp.Diagnostics)
		resp.State.RemoveResource(ctx)
		return
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, tfkit.APIFailure{Summary: summary, RoomID: roomID, Timeout: "read"}, err)
		return
	}
	room := flatten(info, state)
	if info.SeatTemplate == nil && room.SeatTemplate.IsNull() { // an import, where get_room_info has no template
		name, err := sessionOf(r.data).templates.template(ctx, c, roomID)
		if err != nil {
			addAPIError(&resp.Diagnostics, tfkit.APIFailure{Summary: summary, RoomID: roomID, Attribute: "seat_template", Timeout: "read"}, err)
			return
		}
		if name != "" {
			room.SeatTemplate = seatTemplateOf(name)
		}
	}
	importing, diags := req.Private.GetKey(ctx, privateImporting)
	resp.Diagnostics.Append(diags...)
	if f := readExtras(ctx, c, &room, importing != nil); f != nil {
		addAPIError(&resp.Diagnostics, tfkit.APIFailure{Summary: summary, RoomID: roomID, Attribute: f.attribute, Timeout: "read"}, f.err)
		return
	}
	if importing != nil {
		resp.Diagnostics.Append(resp.Private.SetKey(ctx, privateImporting, nil)...)
	}
	if resp.Private != nil && ticketOf(ctx, req.Private) == "" {
		// A room from a provider version without tickets: the refresh gives it one, so that a
		// second resource holding the same room is told apart in the plan that follows.
		setTicket(ctx, resp.Private, newTicket(), &resp.Diagnostics)
	}
	setRoom(ctx, &resp.State.Raw, room, &resp.Diagnostics)
}

// privateImporting marks, in the private state, a room just imported: its first Read records
// every metadata key, admin and robot the room has, where later reads look only at the
// managed ones.
const privateImporting = "importing"
