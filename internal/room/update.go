package room

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
)

func (r *roomResource) Update(ctx context.Context, req resource.UpdateRequest, resp *resource.UpdateResponse) {
	defer r.data.SetIdentity(ctx, resp.Identity, &resp.State, "room_id", &resp.Diagnostics)
	tfkit.WalkOf(r.data).ApplyStarted()
	const summary = "Unable to update live room"
	plan, diags := roomFrom(ctx, req.Plan.Raw)
	resp.Diagnostics.Append(diags...)
	state, diags := roomFrom(ctx, req.State.Raw)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	c := r.data.APIClient(summary, resp.Diagnostics.AddError)
	if c == nil {
		return
	}
	timeout, diags := plan.Timeouts.Update(ctx, defaultUpdateTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	roomID := plan.RoomID.ValueString()
	if update, ok := expandUpdate(plan, state); ok {
		if err := c.UpdateRoomInfo(ctx, update); err != nil {
			addAPIError(&resp.Diagnostics, tfkit.APIFailure{Summary: summary, RoomID: roomID, Blame: blameSent(sentAttributes(update)), Timeout: "update"}, err)
			return
		}
	}
	extrasFailed := applyExtras(ctx, c, plan, state, false)
	if extrasFailed != nil {
		addAPIError(&resp.Diagnostics, tfkit.APIFailure{Summary: summary, RoomID: roomID, Attribute: extrasFailed.attribute, Hint: extrasFailed.hint, Timeout: "update",
			Note: extrasFailed.note}, extrasFailed.err)
	}
	info, err := c.GetRoomInfo(ctx, roomID)
	if err != nil {
		addAPIError(&resp.Diagnostics, tfkit.APIFailure{Summary: summary, RoomID: roomID, Timeout: "update"}, err)
		return
	}
	room := flatten(info, plan)
	if extrasFailed != nil {
		// Keep what the state managed before: the next refresh reads those keys and lists
		// back, and the next plan shows what is left to do.
		room.Metadata, room.Admins, room.Robots = state.Metadata, state.Admins, state.Robots
	}
	setRoom(ctx, &resp.State.Raw, room, &resp.Diagnostics)
}
