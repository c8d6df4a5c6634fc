package room

import (
	"reflect"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

func TestExpandCreateDefaults(t *testing.T) {
	got := expandCreate(defaultsPlan("r1", "VideoDynamicGrid9Seats"))
	want := wire.RoomInfo{
		RoomID: "r1", RoomType: "Live", SeatTemplate: new("VideoDynamicGrid9Seats"),
		OwnerAccount: new("administrator"), TakeSeatMode: new("FreeToTake"),
		IsMessageDisabled: new(false), IsPublicVisible: new(true), RoomName: new("r1"),
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got  %+v\nwant %+v", got, want)
	}
	if _, ok := expandUpdateOnly(defaultsPlan("r1", "Karaoke")); ok {
		t.Fatal("a plan without notice or max_member_count needs no follow-up update")
	}
}

func TestExpandCreateFull(t *testing.T) {
	p := defaultsPlan("salon", "AudioSalon")
	p.MaxSeatCount = types.Int64Value(8)
	p.MaxMemberCount = types.Int64Value(500)
	p.TakeSeatMode = types.StringValue("ApplyToTake")
	p.CoverURL = types.StringValue("https://img/c.png")
	p.Category = categoryList([]int64{3, 1})
	p.ActivityStatus = types.Int64Value(2)
	p.Notice = types.StringValue("hi")
	p.RoomName = types.StringValue("Salon")

	got := expandCreate(p)
	want := wire.RoomInfo{
		RoomID: "salon", RoomType: "Live", SeatTemplate: new("AudioSalon"), OwnerAccount: new("administrator"),
		TakeSeatMode: new("ApplyToTake"), MaxSeatCount: new(int64(8)), IsMessageDisabled: new(false),
		IsPublicVisible: new(true), RoomName: new("Salon"), CoverURL: new("https://img/c.png"),
		Category: &[]int64{3, 1}, ActivityStatus: new(int64(2)),
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("create: got  %+v\nwant %+v", got, want)
	}
	upd, ok := expandUpdateOnly(p)
	wantUpd := wire.RoomInfo{RoomID: "salon", Notice: new("hi"), MaxMemberCount: new(int64(500))}
	if !ok || !reflect.DeepEqual(upd, wantUpd) {
		t.Fatalf("update-only: got %+v (%v)\nwant %+v", upd, ok, wantUpd)
	}
}

// Every updatable field carries a value of its own (no two alike, none the default), so a field
// sent under another's name, or left out, cannot pass.
func TestExpandConvergeSendsEveryUpdatableField(t *testing.T) {
	p := defaultsPlan("r", "Karaoke")
	p.TakeSeatMode = types.StringValue("ApplyToTake")
	p.IsMessageDisabled = types.BoolValue(true)
	p.IsPublicVisible = types.BoolValue(false)
	p.RoomName = types.StringValue("the name")
	p.CoverURL = types.StringValue("https://cover.example/c.png")
	p.Notice = types.StringValue("the notice")
	p.Category = categoryList([]int64{3, 1})
	p.ActivityStatus = types.Int64Value(7)
	p.MaxMemberCount = types.Int64Value(321)
	p.UnlimitedRoom = types.BoolValue(true)
	got := expandConverge(p)
	want := wire.RoomInfo{
		RoomID: "r", TakeSeatMode: new("ApplyToTake"), IsMessageDisabled: new(true), IsPublicVisible: new(false),
		RoomName: new("the name"), CoverURL: new("https://cover.example/c.png"), Category: &[]int64{3, 1},
		ActivityStatus: new(int64(7)), Notice: new("the notice"), MaxMemberCount: new(int64(321)),
		IsUnlimitedRoomEnabled: new(true),
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got  %+v\nwant %+v", got, want)
	}
}

func TestExpandUpdateSendsChangedFieldsOnly(t *testing.T) {
	state := defaultsPlan("r", "VideoDynamicFloat7Seats")
	state.MaxMemberCount = types.Int64Value(1000)
	state.MaxSeatCount = types.Int64Value(7)
	state.Category = categoryList([]int64{1, 2})

	if _, ok := expandUpdate(state, state); ok {
		t.Fatal("no change must send nothing")
	}
	plan := state
	plan.SeatTemplate = seatTemplateOf("VideoDynamicFloat7Seats")
	plan.Notice = types.StringValue("new notice")
	plan.Category = categoryList(nil) // cleared: must send []
	plan.IsPublicVisible = types.BoolValue(false)
	got, ok := expandUpdate(plan, state)
	want := wire.RoomInfo{RoomID: "r", Notice: new("new notice"), Category: &[]int64{}, IsPublicVisible: new(false)}
	if !ok || !reflect.DeepEqual(got, want) {
		t.Fatalf("got %+v (%v)\nwant %+v", got, ok, want)
	}
}

func TestFlatten(t *testing.T) {
	info := wire.RoomInfo{
		RoomID: "r", OwnerAccount: new("10086"), SeatTemplate: new("VideoLandscape4Seat"),
		TakeSeatMode: new("ApplyToTake"), MaxSeatCount: new(int64(4)), MaxMemberCount: new(int64(1000)),
		IsMessageDisabled: new(true), IsPublicVisible: new(false), RoomName: new("Seminar"),
		CoverURL: new("https://c"), Category: &[]int64{7}, ActivityStatus: new(int64(1)),
		Notice: new("n"), CreateTime: new(int64(1700000000)),
	}
	prior := defaultsPlan("r", livespec.LandscapeSDK)
	got := flatten(info, prior)
	if got.SeatTemplate.ValueString() != livespec.LandscapeSDK {
		t.Errorf("an equivalent template keeps the configured spelling, got %s", got.SeatTemplate)
	}
	checks := map[string][2]any{
		"id":          {got.ID.ValueString(), "r"},
		"owner":       {got.OwnerAccount.ValueString(), "10086"},
		"mode":        {got.TakeSeatMode.ValueString(), "ApplyToTake"},
		"seats":       {got.MaxSeatCount.ValueInt64(), int64(4)},
		"members":     {got.MaxMemberCount.ValueInt64(), int64(1000)},
		"muted":       {got.IsMessageDisabled.ValueBool(), true},
		"public":      {got.IsPublicVisible.ValueBool(), false},
		"name":        {got.RoomName.ValueString(), "Seminar"},
		"cover":       {got.CoverURL.ValueString(), "https://c"},
		"category":    {len(categoryValues(got.Category)), 1},
		"activity":    {got.ActivityStatus.ValueInt64(), int64(1)},
		"notice":      {got.Notice.ValueString(), "n"},
		"create_time": {got.CreateTime.ValueInt64(), int64(1700000000)},
	}
	for name, c := range checks {
		if c[0] != c[1] {
			t.Errorf("%s: got %v, want %v", name, c[0], c[1])
		}
	}

	// A different template from the API wins over the prior value.
	info.SeatTemplate = new("Karaoke")
	if got := flatten(info, prior); got.SeatTemplate.ValueString() != "Karaoke" {
		t.Errorf("the API's template must win: %s", got.SeatTemplate)
	}
}

func TestFlattenAbsentFields(t *testing.T) {
	// An API version that leaves SeatTemplate out: keep state (project decision). Other absent
	// fields are at their vendor default; absent counts keep the prior known value.
	prior := defaultsPlan("r", "AudioSalon")
	prior.MaxSeatCount = types.Int64Value(6)
	got := flatten(wire.RoomInfo{RoomID: "r", OwnerAccount: new("administrator")}, prior)
	if got.SeatTemplate.ValueString() != "AudioSalon" {
		t.Errorf("seat_template: %s", got.SeatTemplate)
	}
	if got.MaxSeatCount.ValueInt64() != 6 || !got.MaxMemberCount.IsNull() || !got.CreateTime.IsNull() {
		t.Errorf("counts: seats %s members %s create %s", got.MaxSeatCount, got.MaxMemberCount, got.CreateTime)
	}
	if got.RoomName.ValueString() != "r" || got.TakeSeatMode.ValueString() != "FreeToTake" ||
		!got.IsPublicVisible.ValueBool() || got.IsMessageDisabled.ValueBool() ||
		got.Notice.ValueString() != "" || got.CoverURL.ValueString() != "" ||
		got.Category.IsNull() || len(got.Category.Elements()) != 0 || got.ActivityStatus.ValueInt64() != 0 {
		t.Errorf("defaults: %+v", got)
	}

	// After an import the prior template is null and stays null: no unknown in state.
	imported := roomModel{RoomID: types.StringValue("r"), SeatTemplate: seatTemplateValue{StringValue: types.StringNull()},
		OwnerAccount: types.StringNull(), MaxSeatCount: types.Int64Null(), MaxMemberCount: types.Int64Null(), CreateTime: types.Int64Null()}
	if got := flatten(wire.RoomInfo{RoomID: "r"}, imported); !got.SeatTemplate.IsNull() || !got.OwnerAccount.IsNull() {
		t.Errorf("import without template: %s %s", got.SeatTemplate, got.OwnerAccount)
	}
	// Unknown prior values (a plan) never reach state.
	if got := flatten(wire.RoomInfo{RoomID: "r"}, defaultsPlan("r", "Karaoke")); got.MaxSeatCount.IsUnknown() || got.CreateTime.IsUnknown() {
		t.Errorf("unknown left in state: %s %s", got.MaxSeatCount, got.CreateTime)
	}
}

func TestParseImportID(t *testing.T) {
	cases := []struct{ id, room, template string }{
		{"live-1", "live-1", ""},
		{"live-1,AudioSalon", "live-1", "AudioSalon"},
		{"a,b", "a,b", ""},                            // suffix is no template: all room ID
		{"x,Karaoke,Karaoke", "x,Karaoke", "Karaoke"}, // a room ID ending in ,Karaoke
		{"live,karaoke", "live,karaoke", ""},          // template names are case-sensitive
		{",VideoLandscape4Seat", "", "VideoLandscape4Seat"},
	}
	for _, tc := range cases {
		room, template := parseImportID(tc.id)
		if room != tc.room || template != tc.template {
			t.Errorf("%q: got (%q, %q), want (%q, %q)", tc.id, room, template, tc.room, tc.template)
		}
	}
}

func TestSeatTemplateReplacement(t *testing.T) {
	s := types.StringValue
	cases := []struct {
		state, plan types.String
		replace     bool
	}{
		{s("AudioSalon"), s("AudioSalon"), false},
		{s("AudioSalon"), s("Karaoke"), true},
		{s(livespec.LandscapeConsole), s(livespec.LandscapeSDK), false},
		{types.StringNull(), s("Karaoke"), false}, // imported without a template
		{s("Karaoke"), types.StringUnknown(), true},
	}
	for _, tc := range cases {
		if got := seatTemplateChanges(tc.state, tc.plan); got != tc.replace {
			t.Errorf("%s -> %s: replace=%v, want %v", tc.state, tc.plan, got, tc.replace)
		}
	}
}

func TestRoomReplaced(t *testing.T) {
	state := defaultsPlan("r", "AudioSalon")
	state.MaxSeatCount = types.Int64Value(8)
	state.MaxMemberCount = types.Int64Value(1000)
	state.CreateTime = types.Int64Value(1)
	state.KeepOwnerOnSeat = types.BoolValue(true)
	same := state
	same.UnlimitedRoom = types.BoolValue(true)
	same.Metadata = metadataMap(map[string]string{"k": "v"})
	same.Admins = tfkit.StringSet([]string{"mod"})
	same.Robots = tfkit.StringSet([]string{"bot"})
	same.RoomName = types.StringValue("renamed")
	same.MaxMemberCount = types.Int64Value(10)
	if roomReplaced(state, same, same) {
		t.Fatal("updatable changes must not replace")
	}
	for name, mutate := range map[string]func(*roomModel){
		"room_id":            func(m *roomModel) { m.RoomID = types.StringValue("r2") },
		"seat_template":      func(m *roomModel) { m.SeatTemplate = seatTemplateOf("Karaoke") },
		"owner_account":      func(m *roomModel) { m.OwnerAccount = types.StringValue("alice") },
		"max_seat_count":     func(m *roomModel) { m.MaxSeatCount = types.Int64Value(9) },
		"unknown owner":      func(m *roomModel) { m.OwnerAccount = types.StringUnknown() },
		"keep_owner_on_seat": func(m *roomModel) { m.KeepOwnerOnSeat = types.BoolValue(false) },
	} {
		plan := state
		mutate(&plan)
		if !roomReplaced(state, plan, plan) {
			t.Errorf("%s: want replacement", name)
		}
	}
}

func TestAdoptionConflict(t *testing.T) {
	plan := defaultsPlan("r", "AudioSalon")
	plan.MaxSeatCount = types.Int64Value(8)
	existing := plan
	if msg := adoptionConflict(existing, plan); msg != "" {
		t.Fatal(msg)
	}
	existing.SeatTemplate = seatTemplateOf("Karaoke")
	existing.MaxSeatCount = types.Int64Value(10)
	want := "seat_template is Karaoke, the configuration says AudioSalon; max_seat_count is 10, the configuration says 8. These cannot change in place: choose another room_id, or destroy the existing room first."
	if msg := adoptionConflict(existing, plan); msg != want {
		t.Fatalf("got  %q\nwant %q", msg, want)
	}
	existing.SeatTemplate = seatTemplateValue{StringValue: types.StringNull()} // the API did not say: no conflict to report
	existing.MaxSeatCount = plan.MaxSeatCount
	if msg := adoptionConflict(existing, plan); msg != "" {
		t.Fatal(msg)
	}
}
