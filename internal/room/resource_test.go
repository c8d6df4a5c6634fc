package room

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/tencentlive/terraform-provider-tencentlive/emulator"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/emutest"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

// Direct calls into the resource against an in-process emulator, for the paths the Terraform
// CLI cannot reach on purpose (a refresh always runs before a destroy).

// stateWith returns a state holding only the given attributes, as ImportState leaves it.
func stateWith(t *testing.T, r *roomResource, attrs map[string]string) tfsdk.State {
	t.Helper()
	ctx := context.Background()
	var sr resource.SchemaResponse
	r.Schema(ctx, resource.SchemaRequest{}, &sr)
	state := tfsdk.State{Schema: sr.Schema, Raw: tftypes.NewValue(sr.Schema.Type().TerraformType(ctx), nil)}
	for k, v := range attrs {
		if diags := state.SetAttribute(ctx, path.Root(k), v); diags.HasError() {
			t.Fatal(diags)
		}
	}
	return state
}

func TestReadMissingRoomRemovesItWithAWarning(t *testing.T) {
	r, _ := newTestRoomResource(t)
	state := stateWith(t, r, map[string]string{"room_id": "gone", "id": "gone", "seat_template": "Karaoke"})
	resp := &resource.ReadResponse{State: state}
	r.Read(context.Background(), resource.ReadRequest{State: state}, resp)
	if resp.Diagnostics.HasError() || resp.Diagnostics.WarningsCount() != 1 {
		t.Fatalf("want one warning, got %v", resp.Diagnostics)
	}
	if w := resp.Diagnostics.Warnings()[0]; !strings.Contains(w.Detail(), `Room "gone" was not found (100004); removing it from state.`) {
		t.Fatalf("warning %q", w.Detail())
	}
	if !resp.State.Raw.IsNull() {
		t.Fatal("the room must be removed from state")
	}
}

func TestDeleteTreatsMissingRoomAsDone(t *testing.T) {
	r, c := newTestRoomResource(t)
	ctx := context.Background()
	if err := c.CreateRoom(ctx, wire.RoomInfo{RoomID: "here", SeatTemplate: new("Karaoke")}); err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"here", "here", "never-existed"} { // the second delete finds it gone
		state := stateWith(t, r, map[string]string{"room_id": id, "id": id})
		resp := &resource.DeleteResponse{State: state}
		r.Delete(ctx, resource.DeleteRequest{State: state}, resp)
		if resp.Diagnostics.HasError() {
			t.Fatalf("delete %s: %v", id, resp.Diagnostics)
		}
	}
	if _, err := c.GetRoomInfo(ctx, "here"); wire.CodeOf(err) != 100004 {
		t.Fatalf("room still there: %v", err)
	}
}

func TestOperationsWithoutClientSayWhy(t *testing.T) {
	r := &roomResource{data: &tfkit.ProviderData{Settings: tfkit.Settings{NotReady: "the provider attributes secret_key are not known until apply"}}}
	state := stateWith(t, r, map[string]string{"room_id": "r", "id": "r"})
	resp := &resource.ReadResponse{State: state}
	r.Read(context.Background(), resource.ReadRequest{State: state}, resp)
	want := "The tencentlive provider is not configured: the provider attributes secret_key are not known until apply."
	if !resp.Diagnostics.HasError() || !strings.HasPrefix(resp.Diagnostics.Errors()[0].Detail(), want) {
		t.Fatalf("got %v", resp.Diagnostics)
	}
}

func TestImportStateTakesAnOptionalTemplate(t *testing.T) {
	r, _ := newTestRoomResource(t)
	ctx := context.Background()
	for id, want := range map[string][2]string{
		"live-1":            {"live-1", ""},
		"live-1,AudioSalon": {"live-1", "AudioSalon"},
	} {
		resp := &resource.ImportStateResponse{State: stateWith(t, r, nil)}
		r.ImportState(ctx, resource.ImportStateRequest{ID: id}, resp)
		var roomID, rid types.String
		var template seatTemplateValue
		resp.State.GetAttribute(ctx, path.Root("room_id"), &roomID)
		resp.State.GetAttribute(ctx, path.Root("id"), &rid)
		resp.State.GetAttribute(ctx, path.Root("seat_template"), &template)
		if resp.Diagnostics.HasError() || roomID.ValueString() != want[0] || rid.ValueString() != want[0] || template.ValueString() != want[1] {
			t.Errorf("%q: room_id %s id %s seat_template %s %v", id, roomID, rid, template, resp.Diagnostics)
		}
	}
	resp := &resource.ImportStateResponse{State: stateWith(t, r, nil)}
	r.ImportState(ctx, resource.ImportStateRequest{ID: ",Karaoke"}, resp)
	if !resp.Diagnostics.HasError() {
		t.Fatal("an import ID without a room ID must fail")
	}
}

// planOf builds a plan from a model, with null timeouts.
func planOf(t *testing.T, r *roomResource, m roomModel) tfsdk.Plan {
	t.Helper()
	ctx := context.Background()
	var sr resource.SchemaResponse
	r.Schema(ctx, resource.SchemaRequest{}, &sr)
	m.Timeouts = timeouts.Value{Object: types.ObjectNull(map[string]attr.Type{
		"create": types.StringType, "read": types.StringType, "update": types.StringType, "delete": types.StringType})}
	plan := tfsdk.Plan{Schema: sr.Schema}
	if diags := plan.Set(ctx, &m); diags.HasError() {
		t.Fatal(diags)
	}
	return plan
}

// createFromPlan runs Create for the planned model m and returns its response.
func createFromPlan(t *testing.T, r *roomResource, m roomModel) *resource.CreateResponse {
	t.Helper()
	plan := planOf(t, r, m)
	resp := &resource.CreateResponse{State: tfsdk.State{Schema: plan.Schema, Raw: tftypes.NewValue(plan.Raw.Type(), nil)}}
	r.Create(context.Background(), resource.CreateRequest{Plan: plan}, resp)
	return resp
}

// Between plan and apply someone created the room with another template: apply refuses to
// adopt it and leaves it untouched.
func TestCreateRefusesToAdoptADifferentTemplate(t *testing.T) {
	r, c := newTestRoomResource(t)
	ctx := context.Background()
	if err := c.CreateRoom(ctx, wire.RoomInfo{RoomID: "clash", SeatTemplate: new("Karaoke"), RoomName: new("theirs")}); err != nil {
		t.Fatal(err)
	}
	p := defaultsPlan("clash", "AudioSalon")
	p.RoomName = types.StringValue("ours")
	resp := createFromPlan(t, r, p)
	want := `Room "clash" already exists under the same owner (100010) but cannot be adopted: seat_template is Karaoke, the configuration says AudioSalon.`
	if !resp.Diagnostics.HasError() || !strings.HasPrefix(resp.Diagnostics.Errors()[0].Detail(), want) {
		t.Fatalf("got %v", resp.Diagnostics)
	}
	if info, _ := c.GetRoomInfo(ctx, "clash"); str(info.RoomName) != "theirs" {
		t.Fatalf("the room was changed: RoomName %s", str(info.RoomName))
	}
	if !resp.State.Raw.IsNull() {
		t.Fatal("nothing may be recorded in state")
	}
}

func TestUnknownOutcomeNoteOnlyWithoutAVendorAnswer(t *testing.T) {
	_, c := newTestRoomResource(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	interrupted := c.CreateRoom(ctx, wire.RoomInfo{RoomID: "interrupted", SeatTemplate: new("Karaoke")})
	if interrupted == nil || !strings.Contains(unknownOutcomeNote(interrupted), "may have been created") {
		t.Fatalf("interrupted create (%v): note %q", interrupted, unknownOutcomeNote(interrupted))
	}
	refused := c.CreateRoom(context.Background(), wire.RoomInfo{RoomID: "refused", SeatTemplate: new("NoSuchTemplate")})
	if wire.CodeOf(refused) == 0 || unknownOutcomeNote(refused) != "" {
		t.Fatalf("a vendor refusal (%v) must not claim the room may exist: %q", refused, unknownOutcomeNote(refused))
	}
}

// The first PlannedChecksAlways checks wait for the limiter; later ones run only with a free
// get_room_info slot, and without one leave the room to create_room at apply.
func TestPlanChecksBeyondTheFirstUseIdleSlotsOnly(t *testing.T) {
	ctx := context.Background()
	setup := func(t *testing.T) (*roomResource, *wire.Client) {
		// At 5 requests a second (burst 1), one call spends the bucket.
		r, c := newTestRoomResource(t, 5)
		r.data.PlanChecks = true
		if err := c.ImportAccount(ctx, wire.Account{UserID: "someone-else"}); err != nil {
			t.Fatal(err)
		}
		if err := c.CreateRoom(ctx, wire.RoomInfo{RoomID: "taken", SeatTemplate: new("Karaoke"), OwnerAccount: new("someone-else")}); err != nil {
			t.Fatal(err)
		}
		return r, c
	}
	check := func(r *roomResource) *resource.ModifyPlanResponse {
		resp := &resource.ModifyPlanResponse{}
		r.checkExisting(ctx, defaultsPlan("taken", "Karaoke"), resp)
		return resp
	}
	drain := func(c *wire.Client) { // until an optional call finds no free slot
		for c.Stats().NotIdle == 0 {
			_, _ = c.GetRoomInfo(wire.WhenIdle(ctx), "taken")
		}
	}

	t.Run("within the first checks, a busy limiter is waited for", func(t *testing.T) {
		r, c := setup(t)
		drain(c)
		if resp := check(r); !resp.Diagnostics.HasError() || !strings.Contains(resp.Diagnostics.Errors()[0].Detail(), "100003") {
			t.Fatalf("want the 100003 plan error, got %v", resp.Diagnostics)
		}
	})
	t.Run("beyond them, with a free slot, the room is checked", func(t *testing.T) {
		r, _ := setup(t)
		sessionOf(r.data).checks.Store(PlannedChecksAlways)
		if resp := check(r); !resp.Diagnostics.HasError() {
			t.Fatalf("want the 100003 plan error, got %v", resp.Diagnostics)
		}
	})
	t.Run("beyond them, with no free slot, nothing is sent", func(t *testing.T) {
		r, c := setup(t)
		sessionOf(r.data).checks.Store(PlannedChecksAlways)
		drain(c)
		before := c.Stats()
		if resp := check(r); len(resp.Diagnostics) != 0 {
			t.Fatalf("an unchecked room gets no diagnostics, got %v", resp.Diagnostics)
		}
		if after := c.Stats(); after.Requests != before.Requests || after.NotIdle != before.NotIdle+1 {
			t.Fatalf("requests %d → %d, not idle %d → %d; want no request and one more not-idle", before.Requests, after.Requests, before.NotIdle, after.NotIdle)
		}
	})
}

// In the apply walk (after the process's first create, update or delete), a re-plan sends no
// check: create_room answers a moment later, and its read-backs need get_room_info's rate.
func TestNoPlanChecksInTheApplyWalk(t *testing.T) {
	ctx := context.Background()
	r, c := newTestRoomResource(t)
	r.data.PlanChecks = true
	if err := c.ImportAccount(ctx, wire.Account{UserID: "someone-else"}); err != nil {
		t.Fatal(err)
	}
	if err := c.CreateRoom(ctx, wire.RoomInfo{RoomID: "taken", SeatTemplate: new("Karaoke"), OwnerAccount: new("someone-else")}); err != nil {
		t.Fatal(err)
	}
	check := func() (*resource.ModifyPlanResponse, int64) {
		before := c.Stats().ByCommand["get_room_info"].Requests
		resp := &resource.ModifyPlanResponse{}
		r.checkExisting(ctx, defaultsPlan("taken", "Karaoke"), resp)
		return resp, c.Stats().ByCommand["get_room_info"].Requests - before
	}
	if resp, sent := check(); !resp.Diagnostics.HasError() || sent != 1 {
		t.Fatalf("plan walk: want the 100003 plan error from one get_room_info, got %v after %d", resp.Diagnostics, sent)
	}
	tfkit.WalkOf(r.data).ApplyStarted()
	if resp, sent := check(); resp.Diagnostics.HasError() || sent != 0 {
		t.Fatalf("apply walk: want no check, got %v after %d get_room_info", resp.Diagnostics, sent)
	}
}

// A room found under the same owner at apply is not taken over: it may be another
// configuration's. The error carries the import block and the room is left as it was.
func TestCreateRefusesASameOwnerRoomItDidNotMake(t *testing.T) {
	r, c := newTestRoomResource(t)
	ctx := context.Background()
	if err := c.CreateRoom(ctx, wire.RoomInfo{RoomID: "theirs", SeatTemplate: new("Karaoke"), RoomName: new("their name")}); err != nil {
		t.Fatal(err)
	}
	p := defaultsPlan("theirs", "Karaoke")
	p.RoomName = types.StringValue("our name")
	resp := createFromPlan(t, r, p)
	if resp.Diagnostics.ErrorsCount() != 1 || resp.Diagnostics.Errors()[0].Summary() != "Live room already exists" {
		t.Fatalf("want one \"Live room already exists\" error, got %v", resp.Diagnostics)
	}
	for _, want := range []string{"create_room answered 100010", "import {", `id = "theirs"`, tfkit.EnvAdoptExisting} {
		if detail := resp.Diagnostics.Errors()[0].Detail(); !strings.Contains(detail, want) {
			t.Fatalf("detail lacks %q:\n%s", want, detail)
		}
	}
	if info, _ := c.GetRoomInfo(ctx, "theirs"); str(info.RoomName) != "their name" {
		t.Fatalf("the room was changed: RoomName %s", str(info.RoomName))
	}
	if !resp.State.Raw.IsNull() {
		t.Fatal("a room the provider did not make may not be recorded in state")
	}
}

// With adopt_existing_rooms on, a room found under the same owner at apply is taken over
// with a warning.
func TestCreateAdoptsASameOwnerRoomOnlyWhenAllowed(t *testing.T) {
	r, c := newTestRoomResource(t)
	r.data.AdoptExisting = true
	ctx := context.Background()
	if err := c.CreateRoom(ctx, wire.RoomInfo{RoomID: "ours", SeatTemplate: new("Karaoke"), RoomName: new("old name")}); err != nil {
		t.Fatal(err)
	}
	p := defaultsPlan("ours", "Karaoke")
	p.RoomName = types.StringValue("new name")
	resp := createFromPlan(t, r, p)
	if resp.Diagnostics.HasError() || resp.Diagnostics.WarningsCount() != 1 || resp.Diagnostics.Warnings()[0].Summary() != "Live room adopted" {
		t.Fatalf("want one \"Live room adopted\" warning, got %v", resp.Diagnostics)
	}
	if info, _ := c.GetRoomInfo(ctx, "ours"); str(info.RoomName) != "new name" {
		t.Fatalf("the adopted room was not converged: RoomName %s", str(info.RoomName))
	}
	if resp.State.Raw.IsNull() {
		t.Fatal("the adopted room is not in state")
	}
}

// When the step after create_room fails, the room is in the state with what it really holds,
// so the next plan sees it (Terraform taints it) instead of meeting 100010.
func TestCreateRecordsTheRoomWhenALaterStepFails(t *testing.T) {
	r, _ := newTestRoomResourceOn(t, emulator.Options{SensitiveWords: []string{"forbidden"}})
	p := defaultsPlan("half", "Karaoke")
	p.Notice = types.StringValue("forbidden words")
	p.RoomName = types.StringValue("Half made")
	resp := createFromPlan(t, r, p)
	if !resp.Diagnostics.HasError() || !strings.Contains(resp.Diagnostics.Errors()[0].Detail(), "recorded in the state") {
		t.Fatalf("want the update error with the note, got %v", resp.Diagnostics)
	}
	if !resp.State.Raw.IsFullyKnown() {
		t.Fatalf("Terraform rejects a state with unknown values: %v", resp.State.Raw)
	}
	got, diags := roomFrom(context.Background(), resp.State.Raw)
	if diags.HasError() {
		t.Fatal(diags)
	}
	if got.RoomID.ValueString() != "half" || got.RoomName.ValueString() != "Half made" || got.Notice.ValueString() != "" {
		t.Fatalf("state %+v; want the room as created, without the refused notice", got)
	}
}

// When create_room's answer is lost and its retry finds the room (100010), the room is this
// apply's own: adopted without a warning.
func TestCreateRetryFindingItsOwnRoomDoesNotWarn(t *testing.T) {
	emu, err := emulator.New(emulator.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var lost atomic.Bool
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		if strings.HasSuffix(req.URL.Path, "/create_room") && lost.CompareAndSwap(false, true) {
			emu.ServeHTTP(httptest.NewRecorder(), req) // the room is created; its answer is lost
			http.Error(w, "bad gateway", http.StatusBadGateway)
			return
		}
		emu.ServeHTTP(w, req)
	}))
	t.Cleanup(srv.Close)
	c, err := wire.New(wire.Config{SDKAppID: emulator.DefaultSDKAppID, SecretKey: emulator.DefaultSecretKey,
		Identifier: emulator.DefaultAdmin, BaseURL: srv.URL, MaxRetries: wire.RetryUntilDeadline})
	if err != nil {
		t.Fatal(err)
	}
	r := &roomResource{data: &tfkit.ProviderData{Client: c, Settings: tfkit.Settings{Identifier: emulator.DefaultAdmin}}}

	resp := createFromPlan(t, r, defaultsPlan("mine", "Karaoke"))
	if !lost.Load() || len(resp.Diagnostics) != 0 || resp.State.Raw.IsNull() {
		t.Fatalf("answer lost: %v; want the room in state without diagnostics, got %v", lost.Load(), resp.Diagnostics)
	}
	// The lost answer, 100012 (the same ID again within a second), then 100010.
	if s := c.Stats().ByCommand["create_room"]; s.Requests != 3 {
		t.Fatalf("create_room sent %d times, want 3", s.Requests)
	}
}

// Two resources of one plan with the same room_id: the second is refused at plan, told what the
// first one is; a replacement's second plan call (marked private state) is the same resource.
func TestPlanRefusesADuplicateRoomID(t *testing.T) {
	r, c := newTestRoomResource(t)
	first, second := defaultsPlan("same", "Karaoke"), defaultsPlan("same", "AudioSalon")
	first.RoomName = types.StringValue("First")

	resp := &resource.ModifyPlanResponse{}
	r.claimRoomID(first, claimant{inState: true, ticket: "first"}, resp)
	if resp.Diagnostics.HasError() {
		t.Fatalf("the first claim must pass: %v", resp.Diagnostics)
	}
	before := c.Stats().Requests
	r.claimRoomID(second, newRoomClaimant(t, second), resp)
	if resp.Diagnostics.ErrorsCount() != 1 {
		t.Fatalf("want one error, got %v", resp.Diagnostics)
	}
	want := `Another tencentlive_room of this configuration, a room already in the state with seat_template "Karaoke", owner_account "administrator" and room_name "First", also has room_id "same".`
	if d := resp.Diagnostics.Errors()[0]; d.Summary() != "Duplicate live room ID" || !strings.HasPrefix(d.Detail(), want) {
		t.Fatalf("got %q / %q\nwant prefix %q", d.Summary(), d.Detail(), want)
	}
	if c.Stats().Requests != before {
		t.Fatal("the duplicate check must not call the API")
	}

	other := &resource.ModifyPlanResponse{}
	r.claimRoomID(defaultsPlan("different", "Karaoke"), newRoomClaimant(t, defaultsPlan("different", "Karaoke")), other)
	unknownID := defaultsPlan("", "Karaoke")
	unknownID.RoomID = types.StringUnknown()
	r.claimRoomID(unknownID, claimant{config: roomConfig(t, unknownID)}, other)
	r.claimRoomID(unknownID, claimant{config: roomConfig(t, unknownID)}, other)
	if other.Diagnostics.HasError() {
		t.Fatalf("other and unknown room IDs must pass: %v", other.Diagnostics)
	}
}

// Delete refuses a protected room even when the plan that got here did not (a plan saved by an
// older provider version), and sends nothing.
func TestDeleteRefusesAProtectedRoom(t *testing.T) {
	r, c := newTestRoomResource(t)
	ctx := context.Background()
	if err := c.CreateRoom(ctx, wire.RoomInfo{RoomID: "kept", SeatTemplate: new("Karaoke")}); err != nil {
		t.Fatal(err)
	}
	state := stateWith(t, r, map[string]string{"room_id": "kept", "id": "kept", "seat_template": "Karaoke"})
	if diags := state.SetAttribute(ctx, path.Root("deletion_protection"), true); diags.HasError() {
		t.Fatal(diags)
	}
	before := c.Stats().ByCommand["destroy_room"].Requests
	resp := &resource.DeleteResponse{State: state}
	r.Delete(ctx, resource.DeleteRequest{State: state}, resp)
	if !resp.Diagnostics.HasError() || !strings.Contains(resp.Diagnostics.Errors()[0].Detail(), "deletion_protection = true") {
		t.Fatalf("want the protection error, got %v", resp.Diagnostics)
	}
	if c.Stats().ByCommand["destroy_room"].Requests != before {
		t.Fatal("destroy_room was sent for a protected room")
	}
}

// An interrupt (Terraform's graceful stop cancels the context) that cuts short only the
// read-back after every write succeeded records the room as planned, with a warning and no
// error: on an error some Terraform versions briefly hold the object without a status, and the
// state save forced by the interrupt crashes on it.
func TestCreateInterruptedReadBackRecordsThePlannedRoomWithAWarning(t *testing.T) {
	ctx, interrupt := context.WithCancel(context.Background())
	defer interrupt()
	cancelOnReadBack := func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
			if strings.Contains(req.URL.Path, "get_room_info") {
				interrupt() // the answer never comes: the client gives up on the canceled context
				select {
				case <-req.Context().Done():
				case <-time.After(time.Second):
				}
				return
			}
			next.ServeHTTP(w, req)
		})
	}
	emu, url := emutest.Serve(t, emulator.Options{}, cancelOnReadBack)
	r := &roomResource{data: &tfkit.ProviderData{Client: emutest.RetryingClient(t, url, 0), Settings: tfkit.Settings{Identifier: emulator.DefaultAdmin}}}
	p := defaultsPlan("cut", "Karaoke")
	p.RoomName = types.StringValue("Cut short")
	plan := planOf(t, r, p)
	resp := &resource.CreateResponse{State: tfsdk.State{Schema: plan.Schema, Raw: tftypes.NewValue(plan.Raw.Type(), nil)}}
	r.Create(ctx, resource.CreateRequest{Plan: plan}, resp)

	if resp.Diagnostics.HasError() || resp.Diagnostics.WarningsCount() != 1 {
		t.Fatalf("want one warning and no error, got %v", resp.Diagnostics)
	}
	if len(emu.Rooms()) != 1 {
		t.Fatalf("the emulator holds %d rooms, want the created one", len(emu.Rooms()))
	}
	if !resp.State.Raw.IsFullyKnown() {
		t.Fatalf("Terraform rejects a state with unknown values: %v", resp.State.Raw)
	}
	got, diags := roomFrom(context.Background(), resp.State.Raw)
	if diags.HasError() {
		t.Fatal(diags)
	}
	if got.RoomID.ValueString() != "cut" || got.RoomName.ValueString() != "Cut short" || !got.CreateTime.IsNull() {
		t.Fatalf("state %+v; want the planned room, create_time left for the next refresh", got)
	}
}
