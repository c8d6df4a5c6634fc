package room

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tencentlive/terraform-provider-tencentlive/emulator"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/emutest"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

func TestListFilterMatches(t *testing.T) {
	karaoke := wire.RoomInfo{RoomID: "show-1", OwnerAccount: new("anna"), SeatLayoutTemplateID: new(int64(50))}
	grid := wire.RoomInfo{RoomID: "talk-1", SeatLayoutTemplateID: new(int64(600))}
	landscape := wire.RoomInfo{RoomID: "show-2", SeatLayoutTemplateID: new(int64(200))}
	cases := []struct {
		name  string
		model roomListModel
		want  map[string]bool
	}{
		{"no filter", roomListModel{}, map[string]bool{"show-1": true, "talk-1": true, "show-2": true}},
		{"prefix", roomListModel{RoomIDPrefix: types.StringValue("show-")}, map[string]bool{"show-1": true, "show-2": true}},
		{"owner", roomListModel{OwnerAccount: types.StringValue("anna")}, map[string]bool{"show-1": true}},
		{"template", roomListModel{SeatTemplate: types.StringValue("VideoDynamicGrid9Seats")}, map[string]bool{"talk-1": true}},
		{"either landscape spelling", roomListModel{SeatTemplate: types.StringValue(livespec.LandscapeConsole)}, map[string]bool{"show-2": true}},
		{"all together", roomListModel{RoomIDPrefix: types.StringValue("show"), OwnerAccount: types.StringValue("anna"), SeatTemplate: types.StringValue("Karaoke")}, map[string]bool{"show-1": true}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := listFilterOf(tc.model)
			for _, r := range []wire.RoomInfo{karaoke, grid, landscape} {
				if got := f.matches(r); got != tc.want[r.RoomID] {
					t.Errorf("%s: matches %v, want %v", r.RoomID, got, tc.want[r.RoomID])
				}
			}
		})
	}
}

func TestTemplateNameOfListNumbers(t *testing.T) {
	for _, tmpl := range livespec.SeatTemplates {
		if !sameSeatTemplate(templateName(int64(tmpl.ID)), tmpl.Name) {
			t.Errorf("template %d reads as %q, want %s", tmpl.ID, templateName(int64(tmpl.ID)), tmpl.Name)
		}
	}
	if got := templateName(0); got != "" {
		t.Errorf("no number gave %q", got)
	}
	if got := templateName(12345); got != "" {
		t.Errorf("an undocumented number gave %q", got)
	}
}

// findRooms and readRooms against the emulator without SeatTemplate: the listed rooms a filter
// matches plus the named private ones, each read back as an import reads it, with the
// template from the list.
func TestFindAndReadRoomsAsImported(t *testing.T) {
	_, url := emutest.Serve(t, emulator.Options{OmitSeatTemplate: true})
	c := emutest.RetryingClient(t, url, 0)
	ctx := context.Background()
	for _, r := range []wire.RoomInfo{
		{RoomID: "a-1", SeatTemplate: new("Karaoke")},
		{RoomID: "a-2", SeatTemplate: new("VideoFixedGrid9Seats")},
		{RoomID: "b-1", SeatTemplate: new("AudioSalon")},
		{RoomID: "a-private", SeatTemplate: new("AudioSalon"), IsPublicVisible: new(false)},
	} {
		if err := c.CreateRoom(ctx, r); err != nil {
			t.Fatal(err)
		}
	}
	if err := c.SetRoomMetadata(ctx, "a-1", map[string]string{"k": "v"}); err != nil {
		t.Fatal(err)
	}
	reader := newRoomReader(ctx, c)
	found, failure := findRooms(ctx, c, listFilter{prefix: "a-"}, []string{"a-private", "a-1"}, 0, reader.read)
	if failure != nil {
		t.Fatal(failure.err)
	}
	if got := roomIDsOf(found); len(got) != 3 || got[2] != "a-private" {
		t.Fatalf("found %v, want a-1 and a-2 (listed) then a-private (named)", got)
	}
	objects, failure := reader.wait()
	if failure != nil {
		t.Fatal(failure.err)
	}
	want := map[string]string{"a-1": "Karaoke", "a-2": "VideoFixedGrid9Seats", "a-private": ""}
	if len(objects) != len(want) {
		t.Fatalf("read %d rooms, want %d", len(objects), len(want))
	}
	for id, v := range objects {
		m, diags := roomFrom(ctx, v)
		if diags.HasError() {
			t.Fatal(diags)
		}
		if m.RoomID.ValueString() != id {
			t.Fatalf("object of %s is room %s", id, m.RoomID.ValueString())
		}
		if got := m.SeatTemplate.ValueString(); got != want[id] {
			t.Errorf("%s: seat_template %q, want %q", id, got, want[id])
		}
		if id == "a-1" && m.Metadata.Elements()["k"] == nil {
			t.Errorf("a-1: metadata %v lacks the app's key", m.Metadata)
		}
	}

	limited, _ := findRooms(ctx, c, listFilter{prefix: "a-"}, []string{"a-private"}, 1, func(wire.RoomInfo) {})
	if len(limited) != 1 {
		t.Fatalf("a limit of 1 found %v", roomIDsOf(limited))
	}
	_, failure = findRooms(ctx, c, listFilter{}, []string{"gone"}, 0, func(wire.RoomInfo) {})
	if failure == nil || failure.attribute != "room_ids" || failure.roomID != "gone" {
		t.Fatalf("a named room that does not exist: %+v", failure)
	}

	// A read that fails stops the reader, which reports the room.
	failing := newRoomReader(ctx, c)
	failing.read(wire.RoomInfo{RoomID: "gone"})
	if _, failure := failing.wait(); failure == nil || failure.roomID != "gone" {
		t.Fatalf("a failed read: %+v", failure)
	}
}

func TestValidateMessage(t *testing.T) {
	s := types.StringValue
	null := types.StringNull()
	big := s(string(make([]byte, livespec.MaxMessageBytes)))
	cases := []struct {
		name string
		m    messageModel
		want string // the attribute blamed; "" for valid
	}{
		{"text", messageModel{Text: s("hi"), BusinessID: null, Data: null, ExtensionInfo: null}, ""},
		{"custom", messageModel{Text: null, BusinessID: s("b"), Data: s("d"), ExtensionInfo: null}, ""},
		{"unknown text counts as set", messageModel{Text: types.StringUnknown(), BusinessID: null, Data: null, ExtensionInfo: null}, ""},
		{"nothing", messageModel{Text: null, BusinessID: null, Data: null, ExtensionInfo: null}, "text"},
		{"both kinds", messageModel{Text: s("hi"), BusinessID: s("b"), Data: s("d"), ExtensionInfo: null}, "text"},
		{"custom without data", messageModel{Text: null, BusinessID: s("b"), Data: null, ExtensionInfo: null}, "data"},
		{"extension without text", messageModel{Text: null, BusinessID: s("b"), Data: s("d"), ExtensionInfo: s("{}")}, "extension_info"},
		{"text over the limit with its extension", messageModel{Text: big, BusinessID: null, Data: null, ExtensionInfo: s("{}")}, "text"},
		{"custom over the limit", messageModel{Text: null, BusinessID: s("b"), Data: big, ExtensionInfo: null}, "data"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var diags diag.Diagnostics
			validateMessage(tc.m, &diags)
			if tc.want == "" {
				if diags.HasError() {
					t.Fatalf("refused: %v", diags)
				}
				return
			}
			if !diags.HasError() {
				t.Fatalf("accepted, want an error on %s", tc.want)
			}
			d, ok := diags[0].(diag.DiagnosticWithPath)
			if !ok || d.Path().String() != tc.want {
				t.Fatalf("error %v, want it on %s", diags[0], tc.want)
			}
		})
	}
}
