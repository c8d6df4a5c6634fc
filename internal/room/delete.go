package room

import (
	"context"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
)

func (r *roomResource) Delete(ctx context.Context, req resource.DeleteRequest, resp *resource.DeleteResponse) {
	tfkit.WalkOf(r.data).ApplyStarted()
	const summary = "Unable to destroy live room"
	state, diags := roomFrom(ctx, req.State.Raw)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	c := r.data.APIClient(summary, resp.Diagnostics.AddError)
	if c == nil {
		return
	}
	timeout, diags := state.Timeouts.Delete(ctx, defaultDeleteTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	roomID := state.RoomID.ValueString()
	if state.DeletionProtected.ValueBool() { // the plan refuses this; a plan saved by an older version may not
		resp.Diagnostics.AddAttributeError(path.Root("deletion_protection"), summary, deletionProtectedDetail(roomID, "destroy"))
		return
	}
	err := c.DestroyRoom(ctx, roomID)
	if tfkit.IsCode(err, livespec.CodeRoomNotFound) {
		tflog.Info(ctx, "room already gone", map[string]any{"room_id": roomID})
		err = nil
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, tfkit.APIFailure{Summary: summary, RoomID: roomID, Timeout: "delete"}, err)
		return
	}
	r.releaseRoomID(ctx, req.State.Raw, req.Private)
}
