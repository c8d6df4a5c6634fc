package room

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

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
	if d == nil || d.Client == nil || !d.PlanChecks {
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
			if tfkit.WalkOf(d).AccountPlanned(id) || id == d.Identifier {
				continue
			}
			wanted[i], ids = append(wanted[i], id), append(ids, id)
		}
	}
	if len(ids) == 0 {
		return
	}
	answers := sessionOf(d).lookupAccounts(ctx, d.Client, ids)
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
	if !tfkit.Known(owner) {
		return types.SetNull(types.StringType)
	}
	return tfkit.StringSet([]string{owner.ValueString()})
}

// changedOwner is the planned owner when it differs from the prior one (a new room or a new
// owner): the owner is looked up as a whole, not by set difference.
func changedOwner(planned, before types.Set) []string {
	if !tfkit.Known(planned) || planned.Equal(before) {
		return nil
	}
	return tfkit.SetStrings(planned)
}

// newMembers lists the known elements of planned that before lacks; nothing while planned is
// null or unknown.
func newMembers(planned, before types.Set) []string {
	if !tfkit.Known(planned) {
		return nil
	}
	var had []string
	if tfkit.Known(before) {
		had = tfkit.SetStrings(before)
	}
	var out []string
	for _, id := range tfkit.SetStrings(planned) {
		if !slices.Contains(had, id) {
			out = append(out, id)
		}
	}
	return out
}

// PlannedChecksAlways: the first rooms a provider process checks at plan are always looked up,
// waiting for the limiter like any request. Beyond them a check is sent only when get_room_info
// has a slot free at once (wire.WhenIdle): checks then use the rate a plan leaves idle and do
// not hold it up, whether it creates a thousand rooms or refreshes a large state. Checking
// every room of a bulk create made its plan and its apply each take N/194 s longer.
const PlannedChecksAlways = 50

// checkExisting looks the planned room up before it is created. Not found is the normal case.
// Skipped when plan_checks is false. Under another owner, create_room would answer 100003: an
// error now rather than at apply. Under the same owner (100010) it is an error too, with the
// import block that adopts the room on purpose, unless adopt_existing_rooms is on: then a
// warning, or an error when its create-only fields differ from the plan, which no update can
// fix. A room left unchecked (see PlannedChecksAlways) gets the same answers from create_room
// at apply. So does a room re-planned in the apply walk (tfkit.Walk.ApplyStarted): there a check would
// only come a moment before create_room itself, and take get_room_info's rate from the
// read-backs of the rooms just created (0.8 requests per room in an apply of 300).
func (r *roomResource) checkExisting(ctx context.Context, plan roomModel, resp *resource.ModifyPlanResponse) {
	if !tfkit.Known(plan.RoomID) || !tfkit.Known(plan.OwnerAccount) || r.data == nil || r.data.Client == nil || !r.data.PlanChecks {
		return // unknown until apply: create_room will tell
	}
	if tfkit.WalkOf(r.data).Applying() {
		return
	}
	roomID := plan.RoomID.ValueString()
	callCtx := ctx
	if sessionOf(r.data).nextCheckOptional() {
		callCtx = wire.WhenIdle(ctx)
	}
	info, err := r.data.Client.GetRoomInfo(callCtx, roomID)
	if errors.Is(err, wire.ErrNotIdle) {
		tflog.Debug(ctx, "plan-time check left to create_room: get_room_info has no idle slot", map[string]any{"room_id": roomID})
		return
	}
	if tfkit.IsCode(err, livespec.CodeRoomNotFound) {
		return
	}
	if err != nil {
		addAPIError(&resp.Diagnostics, tfkit.APIFailure{Summary: "Unable to check live room", RoomID: roomID}, err)
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
	if !r.data.AdoptExisting {
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
		roomID, owner, answer, int(livespec.CodeRoomExistsSameOwner), livespec.CodeRoomExistsSameOwner.Info().Meaning, roomID, tfkit.EnvAdoptExisting)
}
