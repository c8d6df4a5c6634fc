package room

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
)

// ValidateConfig checks what spans attributes: max_seat_count belongs to voice templates, except
// that a video template's own seat count (what get_room_info reports, and so what
// `terraform plan -generate-config-out` writes for an imported video room) is accepted.
func (r *roomResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var seatTemplate seatTemplateValue
	var maxSeatCount types.Int64
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("seat_template"), &seatTemplate)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("max_seat_count"), &maxSeatCount)...)
	if resp.Diagnostics.HasError() || !tfkit.Known(seatTemplate) || maxSeatCount.IsNull() {
		return
	}
	t, ok := livespec.LookupSeatTemplate(seatTemplate.ValueString())
	if !ok || t.Voice || (tfkit.Known(maxSeatCount) && maxSeatCount.ValueInt64() == int64(t.Seats)) {
		return
	}
	value := "set"
	if tfkit.Known(maxSeatCount) {
		value = fmt.Sprintf("%d", maxSeatCount.ValueInt64())
	}
	resp.Diagnostics.AddAttributeError(path.Root("max_seat_count"), "Invalid max_seat_count", fmt.Sprintf(
		"max_seat_count is %s but seat_template %s has a fixed %d seats; the vendor accepts max_seat_count only with %s %s. Leave it out, or set it to %d.",
		value, t.Name, t.Seats, strings.Join(livespec.VoiceTemplateNames(), " or "), tfkit.VendorSays(livespec.CodeInvalidParam), t.Seats))
}

// ModifyPlan fills in the defaults that depend on other values (id and room_name follow room_id,
// owner_account the provider's identifier) and checks a room about to be created against the
// service.
func (r *roomResource) ModifyPlan(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.Plan.Raw.IsNull() {
		r.refuseProtectedDestroy(ctx, req, resp)
		return
	}
	if r.data != nil {
		defer sessionOf(r.data).roomPlanning()()
	}
	plan, diags := roomFrom(ctx, req.Plan.Raw)
	resp.Diagnostics.Append(diags...)
	config, diags := roomFrom(ctx, req.Config.Raw)
	resp.Diagnostics.Append(diags...)
	creating := req.State.Raw.IsNull()
	var state roomModel
	if !creating {
		state, diags = roomFrom(ctx, req.State.Raw)
		resp.Diagnostics.Append(diags...)
	}
	if resp.Diagnostics.HasError() {
		return
	}

	plan.ID = plan.RoomID
	if config.RoomName.IsNull() {
		plan.RoomName = plan.RoomID // vendor default; removing room_name brings it back
	}
	if creating && config.OwnerAccount.IsNull() {
		plan.OwnerAccount = types.StringUnknown()
		if r.data != nil && r.data.Identifier != "" {
			plan.OwnerAccount = types.StringValue(r.data.Identifier)
		}
	}
	// No need to unknown the server-computed values of a replacement here: Terraform plans the
	// new room again from a null prior state, where UseStateForUnknown keeps nothing.
	setRoom(ctx, &resp.Plan.Raw, plan, &resp.Diagnostics)
	if resp.Diagnostics.HasError() || ownerListedAsAdmin(plan, resp) {
		return
	}

	if !creating {
		// Terraform plans a replacement (a changed create-only attribute, -replace) a second
		// time with a null prior state, handing over this call's private data: the mark says
		// the room found then is this resource's own, neither a duplicate nor one to adopt.
		resp.Diagnostics.Append(resp.Private.SetKey(ctx, privateOwnRoom, []byte("true"))...)
		r.claimRoomID(plan, true, resp)
		resp.RequiresReplace = replacedAttributes(state, plan, config)
		replaced := len(resp.RequiresReplace) > 0
		if replaced && state.DeletionProtected.ValueBool() {
			resp.Diagnostics.AddAttributeError(path.Root("deletion_protection"), "Live room is protected from deletion",
				deletionProtectedDetail(state.RoomID.ValueString(), "replace"))
		}
		if replaced && !plan.RoomID.Equal(state.RoomID) {
			r.checkExisting(ctx, plan, resp)
		}
		r.checkAccounts(ctx, plan, &state, resp)
		return
	}
	mark, diags := req.Private.GetKey(ctx, privateOwnRoom)
	resp.Diagnostics.Append(diags...)
	if mark != nil {
		return // the second plan call of a replacement planned from the state above
	}
	r.claimRoomID(plan, false, resp)
	if r.data == nil || !sessionOf(r.data).halfCreatedRoom(plan.RoomID) {
		r.checkExisting(ctx, plan, resp)
	}
	r.checkAccounts(ctx, plan, nil, resp)
}

// refuseProtectedDestroy fails the plan of a destroy (the room removed from the configuration,
// or terraform destroy) while the state says deletion_protection = true.
func (r *roomResource) refuseProtectedDestroy(ctx context.Context, req resource.ModifyPlanRequest, resp *resource.ModifyPlanResponse) {
	if req.State.Raw.IsNull() {
		return
	}
	state, diags := roomFrom(ctx, req.State.Raw)
	resp.Diagnostics.Append(diags...)
	if state.DeletionProtected.ValueBool() {
		resp.Diagnostics.AddAttributeError(path.Root("deletion_protection"), "Live room is protected from deletion",
			deletionProtectedDetail(state.RoomID.ValueString(), "destroy"))
	}
}

// deletionProtectedDetail says why a protected room is not destroyed or replaced and how to go on.
func deletionProtectedDetail(roomID, action string) string {
	return fmt.Sprintf("Room %q has deletion_protection = true, so this plan may not %s it: a room that people are in would be dismissed. "+
		"Nothing was sent to the service.\n\nTo %s it on purpose, set deletion_protection = false on the resource (or remove the attribute), "+
		"apply that change, then run this plan again.", roomID, action, action)
}

// privateOwnRoom is the private-state key saying that the room under the planned room_id is
// this resource's own: set by a plan from a prior state, which Terraform hands to the second
// plan call of a replacement (a changed create-only attribute, -replace).
const privateOwnRoom = "own_room"

// claimRoomID refuses a second resource of this plan with the same room_id (see roomClaims).
func (r *roomResource) claimRoomID(plan roomModel, inState bool, resp *resource.ModifyPlanResponse) {
	if r.data == nil || !tfkit.Known(plan.RoomID) {
		return // unknown until apply, where the apply's own plan call claims it
	}
	roomID := plan.RoomID.ValueString()
	earlier := sessionOf(r.data).claims.claim(roomID, claimantOf(plan, inState))
	if earlier == "" {
		return
	}
	resp.Diagnostics.AddAttributeError(path.Root("room_id"), "Duplicate live room ID", fmt.Sprintf(
		"Another tencentlive_room of this configuration, %s, also has room_id %q. Two resources cannot manage one room: "+
			"each plan would set the room to one resource's values and then the other's, and destroying either would dismiss the room for both.\n\n"+
			"Give each resource its own room_id (for_each keys or a prefix help), or remove one of them. If one was renamed, a moved block keeps its room.",
		earlier, roomID))
}

// replacedAttributes lists the createOnly attributes whose change from state to plan needs a
// new room (config is the configuration): the RequiresReplace of the plan.
func replacedAttributes(state, plan, config roomModel) path.Paths {
	var out path.Paths
	for _, a := range roomAttributes {
		if a.change == createOnly && a.replaces(state, plan, config) {
			out = append(out, path.Root(a.name))
		}
	}
	return out
}

// roomReplaced reports whether going from state to plan needs a new room.
func roomReplaced(state, plan, config roomModel) bool {
	return len(replacedAttributes(state, plan, config)) > 0
}

// ownerListedAsAdmin fails the plan when admins names the room's owner: the owner holds every
// admin right already and modify_admin refuses it (100002). It reports whether it did.
func ownerListedAsAdmin(plan roomModel, resp *resource.ModifyPlanResponse) bool {
	if !tfkit.Known(plan.OwnerAccount) || !tfkit.Known(plan.Admins) {
		return false
	}
	owner := plan.OwnerAccount.ValueString()
	if !slices.Contains(tfkit.SetStrings(plan.Admins), owner) {
		return false
	}
	resp.Diagnostics.AddAttributeError(path.Root("admins"), "Owner listed as admin", fmt.Sprintf(
		"admins lists %q, the room's owner (owner_account). The owner holds every admin right already and needs no admin entry; "+
			"modify_admin would refuse it %s. Remove %q from admins.", owner, tfkit.VendorSays(livespec.CodeInvalidParam), owner))
	return true
}

// claimantOf describes a planned room for a duplicate room_id diagnostic: the values that tell
// two resource blocks apart when their room_id is the same.
func claimantOf(plan roomModel, inState bool) string {
	kind := "a new room"
	if inState {
		kind = "a room already in the state"
	}
	return fmt.Sprintf("%s with seat_template %s, owner_account %s and room_name %s",
		kind, valueText(plan.SeatTemplate), valueText(plan.OwnerAccount), valueText(plan.RoomName))
}

// valueText renders a string value for a message: quoted when known.
func valueText(v interface {
	IsNull() bool
	IsUnknown() bool
	String() string
}) string {
	switch {
	case v.IsUnknown():
		return "(known after apply)"
	case v.IsNull():
		return "(unset)"
	}
	return v.String()
}
