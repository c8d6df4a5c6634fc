package provider

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

// ValidateConfig checks what spans attributes: max_seat_count belongs to voice templates, except
// that a video template's own seat count (what get_room_info reports, and so what
// `terraform plan -generate-config-out` writes for an imported video room) is accepted.
func (r *roomResource) ValidateConfig(ctx context.Context, req resource.ValidateConfigRequest, resp *resource.ValidateConfigResponse) {
	var seatTemplate types.String
	var maxSeatCount types.Int64
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("seat_template"), &seatTemplate)...)
	resp.Diagnostics.Append(req.Config.GetAttribute(ctx, path.Root("max_seat_count"), &maxSeatCount)...)
	if resp.Diagnostics.HasError() || !known(seatTemplate) || maxSeatCount.IsNull() {
		return
	}
	t, ok := livespec.LookupSeatTemplate(seatTemplate.ValueString())
	if !ok || t.Voice || (known(maxSeatCount) && maxSeatCount.ValueInt64() == int64(t.Seats)) {
		return
	}
	value := "set"
	if known(maxSeatCount) {
		value = fmt.Sprintf("%d", maxSeatCount.ValueInt64())
	}
	resp.Diagnostics.AddAttributeError(path.Root("max_seat_count"), "Invalid max_seat_count", fmt.Sprintf(
		"max_seat_count is %s but seat_template %s has a fixed %d seats; the vendor accepts max_seat_count only with %s %s. Leave it out, or set it to %d.",
		value, t.Name, t.Seats, strings.Join(livespec.VoiceTemplateNames(), " or "), vendorSays(livespec.CodeInvalidParam), t.Seats))
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
		r.data.planningRooms.Add(1)
		defer func() { r.data.planningRooms.Add(-1); r.data.accounts.roomPlanned() }()
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
		if r.data != nil && r.data.identifier != "" {
			plan.OwnerAccount = types.StringValue(r.data.identifier)
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
		if roomReplaced(state, plan) && state.DeletionProtected.ValueBool() {
			resp.Diagnostics.AddAttributeError(path.Root("deletion_protection"), "Live room is protected from deletion",
				deletionProtectedDetail(state.RoomID.ValueString(), "replace"))
		}
		if roomReplaced(state, plan) && !plan.RoomID.Equal(state.RoomID) {
			r.checkExisting(ctx, plan, resp)
		}
		r.checkAccounts(ctx, plan, &state, resp)
		if known(plan.SeatTemplate) && !plan.SeatTemplate.Equal(state.SeatTemplate) && !seatTemplateChanges(state.SeatTemplate, plan.SeatTemplate) && !state.SeatTemplate.IsNull() {
			// Terraform shows the new spelling as an in-place change: a planned value must
			// equal the configuration. Say that nothing is sent for it.
			resp.Diagnostics.AddAttributeWarning(path.Root("seat_template"), "Only the template's spelling changes", fmt.Sprintf(
				"%s and %s name the same template (200). The plan shows seat_template as changed in place because Terraform "+
					"records the configuration's spelling, but apply sends nothing for it and the room stays as it is.",
				state.SeatTemplate.ValueString(), plan.SeatTemplate.ValueString()))
		}
		return
	}
	mark, diags := req.Private.GetKey(ctx, privateOwnRoom)
	resp.Diagnostics.Append(diags...)
	if mark != nil {
		return // the second plan call of a replacement planned from the state above
	}
	r.claimRoomID(plan, false, resp)
	if !r.data.halfCreatedRoom(plan.RoomID) {
		r.checkExisting(ctx, plan, resp)
	}
	r.checkAccounts(ctx, plan, nil, resp)
}

// checkAccounts looks up the planned accounts of the room that are about to be sent: the owner
// of a new room or a changed owner, and admins and robots not in the prior state (account_check,
// batched with the other rooms' accounts). create_room answers 70107 for an owner that is not
// imported, modify_admin and add_robot the same for admins and robots, at apply, after other
// rooms of the same apply were made. Skipped for the identifier (an App Admin, imported by
// definition), for accounts a tencentlive_account of this plan creates, for unknown values, and
// when plan_checks is false; a look-up with no idle request slot beyond the first rooms is left
// to apply.
func (r *roomResource) checkAccounts(ctx context.Context, plan roomModel, prior *roomModel, resp *resource.ModifyPlanResponse) {
	d := r.data
	if d == nil || d.client == nil || !d.planChecks {
		return
	}
	var ids []string
	wanted := make([][]string, len(accountAttributes)) // per accountAttributes entry: user IDs to look up
	for i, a := range accountAttributes {
		var before types.Set
		if prior != nil {
			before = a.value(*prior)
		}
		for _, id := range a.added(a.value(plan), before) {
			if _, planned := d.plannedAccounts.Load(id); planned || id == d.identifier {
				continue
			}
			wanted[i], ids = append(wanted[i], id), append(ids, id)
		}
	}
	if len(ids) == 0 {
		return
	}
	optional := func() bool { return d.plannedChecks.Load() > plannedChecksAlways }
	answers := d.accounts.lookup(ctx, d.client, ids, &d.planningRooms, optional)
	info := livespec.CodeAccountNotImported.Info()
	for i, a := range accountAttributes {
		for _, id := range wanted[i] {
			if answer := answers[id]; !answer.checked || answer.imported {
				continue
			}
			resp.Diagnostics.AddAttributeError(path.Root(a.name), a.role+" account not imported", fmt.Sprintf(
				"Account %q is not imported (account_check), so %s would answer %d (%s) at apply, after other rooms of the same apply were made.\n\n"+
					"Import the account first, for example with a tencentlive_account resource, and refer to it: %s. A literal user ID does not make Terraform import the account first.",
				id, a.command, int(livespec.CodeAccountNotImported), info.Meaning, a.reference))
		}
	}
}

// accountAttributes are the room's attributes that name accounts: how to read each from a model
// (owner_account as a one-element set), which planned IDs are new, the command that sends them,
// their role and how to refer to a tencentlive_account in them.
var accountAttributes = []struct {
	name, role, command, reference string
	value                          func(m roomModel) types.Set
	added                          func(planned, before types.Set) []string
}{
	{"owner_account", "Owner", "create_room", "owner_account = tencentlive_account.<name>.user_id",
		func(m roomModel) types.Set { return ownerSet(m.OwnerAccount) }, changedOwner},
	{"admins", "Admin", "modify_admin", "admins = [tencentlive_account.<name>.user_id]",
		func(m roomModel) types.Set { return m.Admins }, newMembers},
	{"robots", "Robot", "add_robot", "robots = [tencentlive_account.<name>.user_id]",
		func(m roomModel) types.Set { return m.Robots }, newMembers},
}

// ownerSet is owner as a set of one, null or unknown as owner is.
func ownerSet(owner types.String) types.Set {
	if !known(owner) {
		return types.SetNull(types.StringType)
	}
	return stringSet([]string{owner.ValueString()})
}

// changedOwner is the planned owner when it differs from the prior one (a new room or a new
// owner): the owner is looked up as a whole, not by set difference.
func changedOwner(planned, before types.Set) []string {
	if !known(planned) || planned.Equal(before) {
		return nil
	}
	return setStrings(planned)
}

// newMembers lists the known elements of planned that before lacks; nothing while planned is
// null or unknown.
func newMembers(planned, before types.Set) []string {
	if !known(planned) {
		return nil
	}
	var had []string
	if known(before) {
		had = setStrings(before)
	}
	var out []string
	for _, id := range setStrings(planned) {
		if !slices.Contains(had, id) {
			out = append(out, id)
		}
	}
	return out
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
	if r.data == nil || !known(plan.RoomID) {
		return // unknown until apply, where the apply's own plan call claims it
	}
	roomID := plan.RoomID.ValueString()
	earlier := r.data.claims.claim(roomID, claimantOf(plan, inState))
	if earlier == "" {
		return
	}
	resp.Diagnostics.AddAttributeError(path.Root("room_id"), "Duplicate live room ID", fmt.Sprintf(
		"Another tencentlive_room of this configuration, %s, also has room_id %q. Two resources cannot manage one room: "+
			"each plan would set the room to one resource's values and then the other's, and destroying either would dismiss the room for both.\n\n"+
			"Give each resource its own room_id (for_each keys or a prefix help), or remove one of them. If one was renamed, a moved block keeps its room.",
		earlier, roomID))
}

// roomReplaced reports whether plan differs from state in a create-only attribute, mirroring the
// attributes' RequiresReplace modifiers.
func roomReplaced(state, plan roomModel) bool {
	differs := func(p, s attr.Value) bool { return p.IsUnknown() || !p.Equal(s) }
	return differs(plan.RoomID, state.RoomID) ||
		seatTemplateChanges(state.SeatTemplate, plan.SeatTemplate) ||
		differs(plan.OwnerAccount, state.OwnerAccount) ||
		differs(plan.MaxSeatCount, state.MaxSeatCount) ||
		keepOwnerChanges(state.KeepOwnerOnSeat, plan.KeepOwnerOnSeat)
}

// ownerListedAsAdmin fails the plan when admins names the room's owner: the owner holds every
// admin right already and modify_admin refuses it (100002). It reports whether it did.
func ownerListedAsAdmin(plan roomModel, resp *resource.ModifyPlanResponse) bool {
	if !known(plan.OwnerAccount) || !known(plan.Admins) {
		return false
	}
	owner := plan.OwnerAccount.ValueString()
	if !slices.Contains(setStrings(plan.Admins), owner) {
		return false
	}
	resp.Diagnostics.AddAttributeError(path.Root("admins"), "Owner listed as admin", fmt.Sprintf(
		"admins lists %q, the room's owner (owner_account). The owner holds every admin right already and needs no admin entry; "+
			"modify_admin would refuse it %s. Remove %q from admins.", owner, vendorSays(livespec.CodeInvalidParam), owner))
	return true
}

// plannedChecksAlways: the first rooms a provider process checks at plan are always looked up,
// waiting for the limiter like any request. Beyond them a check is sent only when get_room_info
// has a slot free at once (wire.WhenIdle): checks then use the rate a plan leaves idle and do
// not hold it up, whether it creates a thousand rooms or refreshes a large state. Checking
// every room of a bulk create made its plan and its apply each take N/194 s longer (issue #6).
const plannedChecksAlways = 50

// checkExisting looks the planned room up before it is created. Not found is the normal case.
// Skipped when plan_checks is false. Under another owner, create_room would answer 100003: an
// error now rather than at apply. Under the same owner (100010) it is an error too, with the
// import block that adopts the room on purpose, unless adopt_existing_rooms is on: then a
// warning, or an error when its create-only fields differ from the plan, which no update can
// fix. A room left unchecked (see plannedChecksAlways) gets the same answers from create_room
// at apply. So does a room re-planned in the apply walk (applyStarted): there a check would
// only come a moment before create_room itself, and take get_room_info's rate from the
// read-backs of the rooms just created (0.8 requests per room in an apply of 300).
func (r *roomResource) checkExisting(ctx context.Context, plan roomModel, resp *resource.ModifyPlanResponse) {
	if !known(plan.RoomID) || !known(plan.OwnerAccount) || r.data == nil || r.data.client == nil || !r.data.planChecks {
		return // unknown until apply: create_room will tell
	}
	if r.data.applying.Load() {
		return
	}
	roomID := plan.RoomID.ValueString()
	callCtx := ctx
	if r.data.plannedChecks.Add(1) > plannedChecksAlways {
		callCtx = wire.WhenIdle(ctx)
	}
	info, err := r.data.client.GetRoomInfo(callCtx, roomID)
	if errors.Is(err, wire.ErrNotIdle) {
		tflog.Debug(ctx, "plan-time check left to create_room: get_room_info has no idle slot", map[string]any{"room_id": roomID})
		return
	}
	if isCode(err, livespec.CodeRoomNotFound) {
		return
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, apiFailure{Summary: "Unable to check live room", RoomID: roomID}, err)
		return
	}
	existing := flatten(info, roomModel{RoomID: plan.RoomID})
	owner := existing.OwnerAccount.ValueString()
	if owner != plan.OwnerAccount.ValueString() {
		resp.Diagnostics.AddAttributeError(path.Root("room_id"), "Live room ID already taken", fmt.Sprintf(
			"Room %q already exists under owner %q, not %q; create_room would answer %d (%s).\n\n%s",
			roomID, owner, plan.OwnerAccount.ValueString(), int(livespec.CodeRoomIDTaken),
			livespec.CodeRoomIDTaken.Info().Meaning, livespec.CodeRoomIDTaken.Info().Hint))
		return
	}
	if msg := adoptionConflict(existing, plan); msg != "" {
		resp.Diagnostics.AddAttributeError(path.Root("room_id"), "Live room cannot be adopted", fmt.Sprintf(
			"Room %q already exists under owner %q, so create_room would answer %d, but %s",
			roomID, owner, int(livespec.CodeRoomExistsSameOwner), msg))
		return
	}
	if !r.data.adoptExisting {
		resp.Diagnostics.AddAttributeError(path.Root("room_id"), "Live room already exists", notAdoptedDetail(roomID, owner, "create_room would answer"))
		return
	}
	resp.Diagnostics.AddAttributeWarning(path.Root("room_id"), "Live room already exists", fmt.Sprintf(
		"Room %q already exists under owner %q; create_room will answer %d (%s) and, as adopt_existing_rooms is on, apply will take the room over, setting its updatable attributes to this configuration.",
		roomID, owner, int(livespec.CodeRoomExistsSameOwner), livespec.CodeRoomExistsSameOwner.Info().Meaning))
}

// notAdoptedDetail explains why an existing same-owner room is not taken over and prints the
// import block that adopts it on purpose. answer says where 100010 comes from ("create_room
// answered"). The plugin protocol does not tell the provider the resource's address; Terraform
// shows it in the diagnostic's "with" line.
func notAdoptedDetail(roomID, owner, answer string) string {
	return fmt.Sprintf("Room %q already exists under owner %q (%s %d, %s), and this configuration's state does not hold it. "+
		"The provider does not take such a room over on its own: it may belong to another configuration or workspace of the application, "+
		"and once two manage one room, destroying either dismisses it for both.\n\n"+
		"To manage this room here, import it: add this block with the address from this message's \"with\" line, then plan again.\n\n"+
		"import {\n  to = ADDRESS # e.g. tencentlive_room.example or tencentlive_room.rooms[\"key\"]\n  id = %q\n}\n\n"+
		"If an interrupted apply of this configuration left the room behind, importing it is right too; for many rooms, "+
		"set adopt_existing_rooms = true in the provider block (or %s=true) for one apply. Otherwise choose another room_id.",
		roomID, owner, answer, int(livespec.CodeRoomExistsSameOwner), livespec.CodeRoomExistsSameOwner.Info().Meaning, roomID, EnvAdoptExisting)
}

// halfCreatedRoom reports whether Read saw roomID as a tainted half-created room of this
// configuration in this plan's refresh (see privateHalfCreated).
func (d *providerData) halfCreatedRoom(roomID types.String) bool {
	if d == nil || !known(roomID) {
		return false
	}
	_, ok := d.halfCreated.Load(roomID.ValueString())
	return ok
}
