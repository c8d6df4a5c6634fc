package room

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

func (r *roomResource) Create(ctx context.Context, req resource.CreateRequest, resp *resource.CreateResponse) {
	defer r.data.SetIdentity(ctx, resp.Identity, &resp.State, "room_id", &resp.Diagnostics)
	tfkit.WalkOf(r.data).ApplyStarted()
	const summary = "Unable to create live room"
	plan, diags := roomFrom(ctx, req.Plan.Raw)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	c := r.data.APIClient(summary, resp.Diagnostics.AddError)
	if c == nil {
		return
	}
	timeout, diags := plan.Timeouts.Create(ctx, defaultCreateTimeout)
	resp.Diagnostics.Append(diags...)
	if resp.Diagnostics.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()

	roomID := plan.RoomID.ValueString()
	fail := func(req wire.RoomInfo, err error, note string) {
		addAPIError(&resp.Diagnostics, tfkit.APIFailure{Summary: summary, RoomID: roomID, Blame: blameSent(sentAttributes(req)), Timeout: "create", Note: note}, err)
	}

	// Two blocks alike but for their address pass the plan as one room planned twice (see
	// claimant); the second to be created is stopped here, before it can adopt the room. The
	// ticket holds the room ID from now on, and is given back if no room comes of this Create.
	ticket := newTicket()
	if holder := sessionOf(r.data).claims.startCreate(roomID, ticket, claimantOf(plan, true)); holder != "" {
		resp.Diagnostics.AddAttributeError(path.Root("room_id"), "Duplicate live room ID", fmt.Sprintf(
			"Another tencentlive_room of this configuration, %s, holds room_id %q already; nothing was sent to the service. "+
				"Give each resource its own room_id (for_each keys or count.index help), or remove one of them.", holder, roomID))
		return
	}
	defer func() {
		if resp.Diagnostics.HasError() {
			sessionOf(r.data).claims.release(roomID, ticket)
		}
	}()
	create := expandCreate(plan)
	err := c.CreateRoom(ctx, create)
	exists := tfkit.IsCode(err, livespec.CodeRoomExistsSameOwner)
	if err != nil && !exists {
		fail(create, err, unknownOutcomeNote(err))
		return
	}
	if exists {
		var apiErr *wire.Error
		// A room found after an attempt whose answer was lost is that attempt's own: the
		// vendor answers 100010 at once for a room that existed before.
		ownAttempt := errors.As(err, &apiErr) && apiErr.UnansweredBefore
		if !r.adopt(ctx, c, plan, ownAttempt, resp) {
			return
		}
	} else if update, ok := expandUpdateOnly(plan); ok {
		if err := c.UpdateRoomInfo(ctx, update); err != nil {
			fail(update, err, createdNote)
			// The room exists: record what it holds, so the next plan shows it (Terraform
			// marks it tainted) instead of meeting 100010.
			r.recordCreated(ctx, c, create, plan, resp)
			return
		}
	}

	if f := applyExtras(ctx, c, plan, roomModel{RoomID: plan.RoomID}, !exists); f != nil {
		addAPIError(&resp.Diagnostics, tfkit.APIFailure{Summary: summary, RoomID: roomID, Attribute: f.attribute, Hint: f.hint, Timeout: "create",
			Note: strings.TrimSpace(f.note + "\n\n" + createdNote)}, f.err)
		r.recordCreated(ctx, c, create, plan, resp)
		return
	}

	info, err := c.GetRoomInfo(ctx, roomID)
	if err != nil && errors.Is(ctx.Err(), context.Canceled) {
		r.recordInterrupted(ctx, plan, ticket, resp)
		return
	}
	if err != nil {
		fail(wire.RoomInfo{}, err, createdNote)
		resp.Diagnostics.Append(resp.Private.SetKey(ctx, privateHalfCreated, []byte("true"))...)
		setRoom(ctx, &resp.State.Raw, flatten(create, plan), &resp.Diagnostics)
		return
	}
	setRoom(ctx, &resp.State.Raw, flatten(info, plan), &resp.Diagnostics)
	if resp.Private != nil { // nil only in unit tests that build the response by hand
		setTicket(ctx, resp.Private, ticket, &resp.Diagnostics)
	}
}

// recordInterrupted records a room whose every write succeeded but whose read-back was cut
// short by an interrupt (Terraform's graceful stop cancels the request). The room holds the
// plan, so the plan is its state, with the values only the service knows (create_time and other
// unknowns) left null for the next refresh to fill in. It is reported with a warning, not an
// error: on an error Terraform saves the object tainted, and some Terraform versions (1.16.4)
// briefly hold it with no status at all while doing so; the state save forced by the interrupt
// can catch that moment, crash ("status ObjectStatus(0), which cannot be saved in state") and
// lose every room of the apply from the state.
func (r *roomResource) recordInterrupted(ctx context.Context, plan roomModel, ticket string, resp *resource.CreateResponse) {
	room := plan
	room.ID = plan.RoomID
	var raw tftypes.Value
	setRoom(ctx, &raw, room, &resp.Diagnostics)
	if resp.Diagnostics.HasError() {
		return
	}
	known, err := tftypes.Transform(raw, func(_ *tftypes.AttributePath, v tftypes.Value) (tftypes.Value, error) {
		if !v.IsKnown() {
			return tftypes.NewValue(v.Type(), nil), nil
		}
		return v, nil
	})
	if err != nil {
		resp.Diagnostics.AddError("Unable to create live room", fmt.Sprintf("Recording room %q after the interrupt: %v", plan.RoomID.ValueString(), err))
		return
	}
	resp.State.Raw = known
	if resp.Private != nil {
		setTicket(ctx, resp.Private, ticket, &resp.Diagnostics)
	}
	resp.Diagnostics.AddAttributeWarning(path.Root("room_id"), "Live room created; read-back interrupted", fmt.Sprintf(
		"Room %q was created as configured, but the apply was interrupted before the provider could read it back. "+
			"It is recorded in the state; the next plan reads the values only the service knows (such as create_time).",
		plan.RoomID.ValueString()))
}

// createdNote ends the diagnostic of a create whose room exists but whose later step failed.
const createdNote = "The room was created and is recorded in the state; Terraform marks it tainted, so the next apply " +
	"replaces it with a room built from the configuration. To have the next apply update it in place instead, " +
	"run `terraform untaint` on its address first."

// privateHalfCreated marks, in the private state, a room whose Create failed after create_room
// succeeded. Terraform taints it and plans its replacement from a null prior state without
// private data; Read, which still sees the mark in the refresh before that plan, tells the
// plan (session.halfCreated) that the room under that ID is this resource's own.
const privateHalfCreated = "half_created"

// recordCreated puts a created room in the state after a later step of Create failed: what
// get_room_info reports, else what create_room was sent (update-only fields at their defaults).
func (r *roomResource) recordCreated(ctx context.Context, c *wire.Client, create wire.RoomInfo, plan roomModel, resp *resource.CreateResponse) {
	prior := plan
	prior.MaxMemberCount = types.Int64Null() // not sent by create_room; unknown if not read back
	room := flatten(create, prior)
	resp.Diagnostics.Append(resp.Private.SetKey(ctx, privateHalfCreated, []byte("true"))...)
	if info, err := c.GetRoomInfo(ctx, create.RoomID); err == nil {
		room = flatten(info, prior)
	}
	// What the room holds of the planned metadata keys, admins and robots, so that an untainted
	// room's next plan shows the rest.
	if readExtras(ctx, c, &room, false) != nil {
		room = emptyExtras(room)
	}
	setRoom(ctx, &resp.State.Raw, room, &resp.Diagnostics)
}

// adopt brings a same-owner room that create_room found (100010) to the plan, when the room is
// this create's own (ownAttempt: an unanswered attempt made it) or adopt_existing_rooms allows
// it. It reports false, with the error, when the room stays as it is.
func (r *roomResource) adopt(ctx context.Context, c *wire.Client, plan roomModel, ownAttempt bool, resp *resource.CreateResponse) bool {
	const summary = "Unable to create live room"
	roomID := plan.RoomID.ValueString()
	// Plan time checked this too, but the room may have changed since.
	existing, err := c.GetRoomInfo(ctx, roomID)
	if err != nil {
		addAPIError(&resp.Diagnostics, tfkit.APIFailure{Summary: summary, RoomID: roomID, Timeout: "create"}, err)
		return false
	}
	if msg := adoptionConflict(flatten(existing, plan), plan); msg != "" {
		resp.Diagnostics.AddAttributeError(path.Root("room_id"), summary,
			fmt.Sprintf("Room %q already exists under the same owner (100010) but cannot be adopted: %s", roomID, msg))
		return false
	}
	if !ownAttempt && !r.data.AdoptExisting {
		resp.Diagnostics.AddAttributeError(path.Root("room_id"), "Live room already exists",
			notAdoptedDetail(roomID, plan.OwnerAccount.ValueString(), "create_room answered"))
		return false
	}
	converge := expandConverge(plan)
	if err := c.UpdateRoomInfo(ctx, converge); err != nil {
		addAPIError(&resp.Diagnostics, tfkit.APIFailure{Summary: summary, RoomID: roomID, Blame: blameSent(sentAttributes(converge)), Timeout: "create",
			Note: "The room already existed under the same owner (100010); the provider could not bring it to the configuration."}, err)
		return false
	}
	if ownAttempt {
		tflog.Info(ctx, "create_room retry found the room its unanswered attempt made; keeping it", map[string]any{"room_id": roomID})
		return true
	}
	resp.Diagnostics.AddAttributeWarning(path.Root("room_id"), "Live room adopted", fmt.Sprintf(
		"Room %q already existed under owner %q (%d); as adopt_existing_rooms is on, apply took it over and set its updatable attributes to this configuration.",
		roomID, plan.OwnerAccount.ValueString(), int(livespec.CodeRoomExistsSameOwner)))
	return true
}

// adoptionConflict compares the createOnly attributes of an existing room with the plan and
// says what differs, or "" when the room can be adopted.
func adoptionConflict(existing, plan roomModel) string {
	var diffs []string
	for _, a := range roomAttributes {
		if a.conflict == nil {
			continue
		}
		if d := a.conflict(existing, plan); d != "" {
			diffs = append(diffs, d)
		}
	}
	if len(diffs) == 0 {
		return ""
	}
	return strings.Join(diffs, "; ") + ". These cannot change in place: choose another room_id, or destroy the existing room first."
}

// unknownOutcomeNote tells the user that a create_room without a vendor answer (interrupted,
// timed out, connection lost) may still have created the room, and that apply recovers it.
func unknownOutcomeNote(err error) string {
	if wire.CodeOf(err) != 0 {
		return "" // the vendor answered: the room was not created
	}
	return "The request ended without an answer from the service, so the room may have been created. If the next plan reports it as existing (100010), " +
		"it is most likely this attempt's: import it with the block that plan prints, or apply once with adopt_existing_rooms = true (" + tfkit.EnvAdoptExisting + "=true)."
}
