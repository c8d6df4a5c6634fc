package emulator

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
)

func rawString(t *testing.T, v json.RawMessage) string {
	t.Helper()
	var s string
	if err := json.Unmarshal(v, &s); err != nil {
		t.Fatalf("%s is not a string", v)
	}
	return s
}

func TestCreateDefaults(t *testing.T) {
	h := newHarness(t, Options{})
	env := h.call("create_room", createBody("live-1", nil)).mustOK(t)
	// As the Create Room page shows: RoomId beside ActionStatus, no Response object.
	if got := string(env.Fields["RoomId"]); got != `"live-1"` {
		t.Errorf("top-level RoomId = %s", got)
	}
	if _, ok := env.Fields["Response"]; ok {
		t.Errorf("create_room answers a Response: %s", env.Response)
	}
	want := Room{
		RoomID: "live-1", RoomType: "Live", RoomName: "live-1", OwnerAccount: DefaultAdmin,
		SeatTemplate: "VideoDynamicGrid9Seats", SeatLayoutTemplateID: 600, TakeSeatMode: livespec.TakeSeatFree,
		MaxSeatCount: 9, MaxMemberCount: DefaultMemberCap, IsSeatEnabled: true, IsPublicVisible: true,
		KeepOwnerOnSeat: true, Category: []int64{}, CreateTime: testEpoch,
	}
	if got := h.s.Rooms(); !reflect.DeepEqual(got, []Room{want}) {
		t.Fatalf("rooms:\n got %+v\nwant %+v", got, []Room{want})
	}

	info := h.roomInfo("live-1")
	checks := map[string]string{
		"RoomId": `"live-1"`, "RoomName": `"live-1"`, "RoomType": `"Live"`, "Owner_Account": `"administrator"`,
		"SeatTemplate": `"VideoDynamicGrid9Seats"`, "TakeSeatMode": `"FreeToTake"`, "MaxSeatCount": "9",
		"MaxMemberCount": "1000", "IsPublicVisible": "true", "IsMessageDisabled": "false", "Category": "[]",
		"ActivityStatus": "0", "Notice": `""`, "CoverURL": `""`, "ViewCount": "0", "IsSeatEnabled": "true",
		"CreateTime": fmt.Sprint(testEpoch.Unix()), "IsUnlimitedRoomEnabled": "false", "KeepOwnerOnSeat": "true",
	}
	for field, wantJSON := range checks {
		if got := string(info[field]); got != wantJSON {
			t.Errorf("get_room_info %s = %s, want %s", field, got, wantJSON)
		}
	}
}

func TestCreateEmptyStringsMeanDefaults(t *testing.T) {
	h := newHarness(t, Options{})
	h.call("create_room", createBody("r1", map[string]any{"RoomName": "", "TakeSeatMode": "", "Owner_Account": ""})).mustOK(t)
	r := h.s.Rooms()[0]
	if r.RoomName != "r1" || r.TakeSeatMode != livespec.TakeSeatFree || r.OwnerAccount != DefaultAdmin {
		t.Fatalf("defaults not applied: %+v", r)
	}
	// On update an empty TakeSeatMode is not a mode.
	h.call("update_room_info", updateBody("r1", map[string]any{"TakeSeatMode": ""})).mustCode(t, livespec.CodeInvalidParam)
}

func TestCreateSeatCounts(t *testing.T) {
	h := newHarness(t, Options{SeatCap: 8})
	for _, tc := range []struct {
		template string
		seats    any
		want     int
	}{
		{"VideoDynamicFloat7Seats", nil, 7},
		{"VideoFixedGrid9Seats", nil, 8}, // the package caps the template's 9
		{livespec.LandscapeConsole, nil, 4},
		{"AudioSalon", nil, 8},
		{"Karaoke", 5, 5},
	} {
		fields := map[string]any{"SeatTemplate": tc.template}
		if tc.seats != nil {
			fields["MaxSeatCount"] = tc.seats
		}
		id := "r-" + tc.template
		h.call("create_room", createBody(id, fields)).mustOK(t)
		if got := string(h.roomInfo(id)["MaxSeatCount"]); got != fmt.Sprint(tc.want) {
			t.Errorf("%s: MaxSeatCount %s, want %d", tc.template, got, tc.want)
		}
	}
}

func TestCreateAllFieldsAndNoticeIgnored(t *testing.T) {
	h := newHarness(t, Options{})
	h.importAccount("12345")
	h.call("create_room", createBody("r1", map[string]any{
		"Owner_Account": "12345", "TakeSeatMode": "ApplyToTake", "SeatTemplate": "AudioSalon", "MaxSeatCount": 10,
		"IsMessageDisabled": true, "IsPublicVisible": false, "RoomName": "Voice", "CoverURL": "https://c/x.png",
		"Category": []int{1, 2, 3}, "ActivityStatus": 2, "IsUnlimitedRoomEnabled": true, "KeepOwnerOnSeat": false,
		"MaxMemberCount": 50, "Notice": "create ignores me", "SomethingNew": 1,
	})).mustOK(t)
	r := h.s.Rooms()[0]
	if r.OwnerAccount != "12345" || r.TakeSeatMode != "ApplyToTake" || r.MaxSeatCount != 10 || !r.IsMessageDisabled ||
		r.IsPublicVisible || r.RoomName != "Voice" || r.CoverURL != "https://c/x.png" || !slices.Equal(r.Category, []int64{1, 2, 3}) ||
		r.ActivityStatus != 2 || !r.IsUnlimitedRoomEnabled || r.KeepOwnerOnSeat || r.MaxMemberCount != 50 || r.SeatLayoutTemplateID != 70 {
		t.Fatalf("stored %+v", r)
	}
	if r.Notice != "" {
		t.Fatalf("create stored the update-only Notice %q", r.Notice)
	}
}

func TestUpdateIsPartial(t *testing.T) {
	h := newHarness(t, Options{})
	h.createRoom("r1", map[string]any{"RoomName": "first", "CoverURL": "c1", "Category": []int{7}})
	before := h.s.Rooms()[0]
	h.call("update_room_info", updateBody("r1", map[string]any{
		"Notice": "welcome", "TakeSeatMode": "ApplyToTake", "IsPublicVisible": false, "ActivityStatus": 1,
		// Not updatable: ignored like unknown fields.
		"SeatTemplate": "AudioSalon", "Owner_Account": "someone", "MaxSeatCount": 3,
	})).mustOK(t)
	after := h.s.Rooms()[0]
	want := before
	want.Notice, want.TakeSeatMode, want.IsPublicVisible, want.ActivityStatus = "welcome", "ApplyToTake", false, 1
	if !reflect.DeepEqual(after, want) {
		t.Fatalf("after update:\n got %+v\nwant %+v", after, want)
	}
	h.call("update_room_info", updateBody("r1", map[string]any{"Category": []int{}, "MaxMemberCount": 20, "IsMessageDisabled": true})).mustOK(t)
	info := h.roomInfo("r1")
	if string(info["Category"]) != "[]" || string(info["MaxMemberCount"]) != "20" || string(info["IsMessageDisabled"]) != "true" ||
		rawString(t, info["Notice"]) != "welcome" || rawString(t, info["RoomName"]) != "first" {
		t.Fatalf("get_room_info after second update: %v", info)
	}
}

func TestOmitSeatTemplate(t *testing.T) {
	for _, omit := range []bool{false, true} {
		h := newHarness(t, Options{OmitSeatTemplate: omit})
		h.createRoom("r1", nil)
		_, present := h.roomInfo("r1")["SeatTemplate"]
		if present == omit {
			t.Errorf("OmitSeatTemplate=%v: SeatTemplate present=%v", omit, present)
		}
	}
}

// IsUnlimitedRoomEnabled is set on create and on update; KeepOwnerOnSeat only on create. Both
// are read back by get_room_info unless OmitRoomModes leaves them out, as the documented field
// list does.
func TestRoomModes(t *testing.T) {
	h := newHarness(t, Options{})
	h.createRoom("r1", map[string]any{"IsUnlimitedRoomEnabled": true, "KeepOwnerOnSeat": false})
	modes := func(h *harness) (string, string) {
		info := h.roomInfo("r1")
		return string(info["IsUnlimitedRoomEnabled"]), string(info["KeepOwnerOnSeat"])
	}
	if u, k := modes(h); u != "true" || k != "false" {
		t.Fatalf("after create: IsUnlimitedRoomEnabled %s, KeepOwnerOnSeat %s", u, k)
	}
	h.call("update_room_info", updateBody("r1", map[string]any{"IsUnlimitedRoomEnabled": false, "KeepOwnerOnSeat": true})).mustOK(t)
	if u, k := modes(h); u != "false" || k != "false" {
		t.Fatalf("after update: IsUnlimitedRoomEnabled %s, KeepOwnerOnSeat %s (create-only)", u, k)
	}
	h.call("update_room_info", updateBody("r1", map[string]any{"IsUnlimitedRoomEnabled": "yes"})).mustCode(t, livespec.CodeInvalidParam)

	omitting := newHarness(t, Options{OmitRoomModes: true})
	omitting.createRoom("r1", map[string]any{"IsUnlimitedRoomEnabled": true})
	if u, k := modes(omitting); u != "" || k != "" {
		t.Fatalf("OmitRoomModes answered IsUnlimitedRoomEnabled %q, KeepOwnerOnSeat %q", u, k)
	}
	if !omitting.s.Rooms()[0].IsUnlimitedRoomEnabled {
		t.Fatal("OmitRoomModes must only hide the field, not drop it")
	}
}

func TestLegacyForms(t *testing.T) {
	h := newHarness(t, Options{LegacyForms: true})
	for _, id := range []string{"12345", "007", "alice"} {
		h.importAccount(id)
	}
	h.createRoom("numeric", map[string]any{"Owner_Account": "12345", "TakeSeatMode": "ApplyToTake"})
	h.createRoom("padded", map[string]any{"Owner_Account": "007"})
	h.createRoom("named", map[string]any{"Owner_Account": "alice"})

	for _, tc := range []struct{ room, owner, mode string }{
		{"numeric", "12345", "2"},
		{"padded", `"007"`, "1"}, // a leading zero would not survive as a number
		{"named", `"alice"`, "1"},
	} {
		info := h.roomInfo(tc.room)
		if got := string(info["Owner_Account"]); got != tc.owner {
			t.Errorf("%s: Owner_Account %s, want %s", tc.room, got, tc.owner)
		}
		if got := string(info["TakeSeatMode"]); got != tc.mode {
			t.Errorf("%s: TakeSeatMode %s, want %s", tc.room, got, tc.mode)
		}
	}
	plain := newHarness(t, Options{})
	plain.importAccount("12345")
	plain.createRoom("numeric", map[string]any{"Owner_Account": "12345"})
	if got := string(plain.roomInfo("numeric")["Owner_Account"]); got != `"12345"` {
		t.Errorf("without LegacyForms Owner_Account is %s", got)
	}
}

func TestRoomTTL(t *testing.T) {
	h := newHarness(t, Options{RoomTTL: 10 * time.Minute})
	h.call("create_room", createBody("r1", nil)).mustOK(t)
	h.clock.Advance(10*time.Minute - time.Second)
	h.roomInfo("r1")
	if len(h.s.Rooms()) != 1 {
		t.Fatal("room gone before its TTL")
	}
	h.clock.Advance(time.Second)
	h.call("get_room_info", map[string]any{"RoomId": "r1"}).mustCode(t, livespec.CodeRoomNotFound)
	if len(h.s.Rooms()) != 0 {
		t.Fatal("Rooms still lists a dismissed room")
	}
	// The platform dismissed it, so the ID is free again.
	h.call("create_room", createBody("r1", nil)).mustOK(t)
	h.clock.Advance(time.Hour)
	if len(h.s.Rooms()) != 0 {
		t.Fatal("Rooms lists a room past its TTL")
	}
	h.call("destroy_room", map[string]any{"RoomId": "r1"}).mustCode(t, livespec.CodeRoomNotFound)
}

// A client whose create answer was lost retries: within the second it meets 100012, after it
// 100010 (same owner), which it can treat as success.
func TestCreateRetrySequence(t *testing.T) {
	h := newHarness(t, Options{})
	h.call("create_room", createBody("r1", nil)).mustOK(t)
	h.clock.Advance(100 * time.Millisecond)
	h.call("create_room", createBody("r1", nil)).mustCode(t, livespec.CodeCreateTooFrequent)
	h.clock.Advance(time.Second)
	h.call("create_room", createBody("r1", nil)).mustCode(t, livespec.CodeRoomExistsSameOwner)
}

func TestRoomListPaging(t *testing.T) {
	h := newHarness(t, Options{})
	const public, private = 45, 5
	for i := 0; i < public+private; i++ {
		id := fmt.Sprintf("room-%02d", i)
		h.call("create_room", createBody(id, map[string]any{"IsPublicVisible": i < public, "Category": []int{i % 3}})).mustOK(t)
		if err := h.s.SetViewCount(id, int64(i%7)*10); err != nil { // ties on purpose
			t.Fatal(err)
		}
	}
	if err := h.s.SetViewCount("missing", 1); err == nil {
		t.Fatal("SetViewCount of a missing room succeeded")
	}

	type item struct {
		RoomID    string `json:"RoomId"`
		ViewCount int64
		Category  []int64
	}
	var all []item
	next, pages := "", 0
	for {
		var resp struct {
			Next     string
			RoomList []item
		}
		h.call("get_room_list", map[string]any{"Next": next, "Count": 20}).mustOK(t).decodeResponse(t, &resp)
		pages++
		if len(resp.RoomList) > 20 {
			t.Fatalf("page of %d", len(resp.RoomList))
		}
		all = append(all, resp.RoomList...)
		if resp.Next == "" {
			break
		}
		next = resp.Next
		if pages > 10 {
			t.Fatal("paging does not end")
		}
	}
	if pages != 3 || len(all) != public {
		t.Fatalf("%d pages, %d rooms; want 3 pages, %d rooms", pages, len(all), public)
	}
	seen := map[string]bool{}
	for i, it := range all {
		if seen[it.RoomID] {
			t.Fatalf("%s listed twice", it.RoomID)
		}
		seen[it.RoomID] = true
		var n int
		if _, err := fmt.Sscanf(it.RoomID, "room-%d", &n); err != nil {
			t.Fatal(err)
		}
		if n >= public {
			t.Fatalf("private room %s listed", it.RoomID)
		}
		if i > 0 && all[i-1].ViewCount < it.ViewCount {
			t.Fatalf("not sorted by ViewCount descending at %d", i)
		}
		if len(it.Category) != 1 {
			t.Fatalf("Category %v", it.Category)
		}
	}

	// Count above 20 is clamped; absent means a full page; small pages work.
	var resp struct {
		Next     string
		RoomList []item
	}
	h.call("get_room_list", map[string]any{"Next": "", "Count": 500}).mustOK(t).decodeResponse(t, &resp)
	if len(resp.RoomList) != 20 {
		t.Fatalf("Count 500 gave %d rooms", len(resp.RoomList))
	}
	h.call("get_room_list", "{}").mustOK(t).decodeResponse(t, &resp)
	if len(resp.RoomList) != 20 {
		t.Fatalf("no Count gave %d rooms", len(resp.RoomList))
	}
	h.call("get_room_list", map[string]any{"Next": "", "Count": 7}).mustOK(t).decodeResponse(t, &resp)
	first := resp.RoomList
	// A room destroyed between pages does not shift the next page.
	h.call("destroy_room", map[string]any{"RoomId": first[0].RoomID}).mustOK(t)
	h.call("get_room_list", map[string]any{"Next": resp.Next, "Count": 7}).mustOK(t).decodeResponse(t, &resp)
	if resp.RoomList[0].RoomID != all[7].RoomID {
		t.Fatalf("second page starts at %s, want %s", resp.RoomList[0].RoomID, all[7].RoomID)
	}
}

func TestRoomListEmpty(t *testing.T) {
	h := newHarness(t, Options{})
	env := h.call("get_room_list", map[string]any{"Next": "", "Count": 20}).mustOK(t)
	if string(env.Response) != `{"Next":"","RoomList":[]}` {
		t.Fatalf("empty list: %s", env.Response)
	}
}

func TestMetadata(t *testing.T) {
	h := newHarness(t, Options{})
	h.createRoom("r1", nil)
	h.call("set_room_metadata", map[string]any{"RoomId": "r1", "Metadata": []map[string]string{
		{"Key": "b", "Value": "2"}, {"Key": "a", "Value": "1"}, {"Key": "c", "Value": ""},
	}}).mustOK(t)
	h.call("set_room_metadata", map[string]any{"RoomId": "r1", "Metadata": []map[string]string{{"Key": "a", "Value": "one"}}}).mustOK(t)

	get := func(keys ...string) string {
		body := map[string]any{"RoomId": "r1"}
		if keys != nil {
			body["Keys"] = keys
		}
		return string(h.call("get_room_metadata", body).mustOK(t).Response)
	}
	if got := get(); got != `{"Metadata":[{"Key":"a","Value":"one"},{"Key":"b","Value":"2"},{"Key":"c","Value":""}]}` {
		t.Fatalf("all metadata: %s", got)
	}
	if got := get("b", "zz"); got != `{"Metadata":[{"Key":"b","Value":"2"}]}` {
		t.Fatalf("selected metadata: %s", got)
	}
	// Deleting a mix of present and absent keys succeeds and removes the present ones.
	h.call("del_room_metadata", map[string]any{"RoomId": "r1", "Keys": []string{"a", "zz"}}).mustOK(t)
	if got := get(); got != `{"Metadata":[{"Key":"b","Value":"2"},{"Key":"c","Value":""}]}` {
		t.Fatalf("after delete: %s", got)
	}
	if got := h.s.Rooms()[0].Metadata; !reflect.DeepEqual(got, map[string]string{"b": "2", "c": ""}) {
		t.Fatalf("Rooms metadata %v", got)
	}
	// Replacing a key counts its new size, not old plus new.
	h.call("set_room_metadata", map[string]any{"RoomId": "r1", "Metadata": metadataItems(8, 2000, "k")}).mustOK(t)
	h.call("set_room_metadata", map[string]any{"RoomId": "r1", "Metadata": metadataItems(8, 2040, "k")}).mustOK(t)
	// Destroying the room takes its metadata along.
	h.call("destroy_room", map[string]any{"RoomId": "r1"}).mustOK(t)
	h.clock.Advance(2 * time.Second)
	h.call("create_room", createBody("r1", nil)).mustOK(t)
	if got := get(); got != `{"Metadata":[]}` {
		t.Fatalf("recreated room has metadata %s", got)
	}
}

func TestDestroyAnswersStatistic(t *testing.T) {
	h := newHarness(t, Options{})
	h.createRoom("r1", nil)
	if err := h.s.SetViewCount("r1", 42); err != nil {
		t.Fatal(err)
	}
	env := h.call("destroy_room", map[string]any{"RoomId": "r1"}).mustOK(t)
	var resp struct{ Statistic map[string]int64 }
	env.decodeResponse(t, &resp)
	if resp.Statistic["TotalViewers"] != 42 || len(resp.Statistic) != 5 {
		t.Fatalf("Statistic %v", resp.Statistic)
	}
}

// A deleted owner cannot create rooms, and the default owner is the caller.
func TestOwnerMustBeImported(t *testing.T) {
	h := newHarness(t, Options{Admins: []string{"administrator", "ops"}})
	h.importAccount("host")
	h.call("account_delete", map[string]any{"DeleteItem": []any{map[string]any{"UserID": "host"}}}).mustOK(t)
	h.call("create_room", createBody("r1", map[string]any{"Owner_Account": "host"})).mustCode(t, livespec.CodeAccountNotImported)
	h.do("POST", servicePath("create_room"), h.query("ops"), createBody("r2", nil)).mustOK(t)
	if got := h.s.Rooms()[0].OwnerAccount; got != "ops" {
		t.Fatalf("default owner %q, want the caller", got)
	}
}
