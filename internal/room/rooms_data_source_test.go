package room

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

// fakeRoomList serves get_room_list pages from a slice: page i answers Next "c<i+1>", the last "".
type fakeRoomList struct {
	pages [][]wire.RoomInfo
	asked []string // the cursors asked for, in order
}

func (p *fakeRoomList) fetch(_ context.Context, next string) (wire.RoomListPage, error) {
	p.asked = append(p.asked, next)
	i := 0
	if next != "" {
		if _, err := fmt.Sscanf(next, "c%d", &i); err != nil {
			return wire.RoomListPage{}, err
		}
	}
	page := wire.RoomListPage{Rooms: p.pages[i]}
	if i+1 < len(p.pages) {
		page.Next = fmt.Sprintf("c%d", i+1)
	}
	return page, nil
}

func roomsNamed(ids ...string) []wire.RoomInfo {
	out := make([]wire.RoomInfo, len(ids))
	for i, id := range ids {
		out[i] = wire.RoomInfo{RoomID: id}
	}
	return out
}

func roomIDsOf(rs []wire.RoomInfo) []string {
	out := make([]string, len(rs))
	for i, r := range rs {
		out[i] = r.RoomID
	}
	return out
}

func keepAll(wire.RoomInfo) bool { return true }

func TestListRoomsReadsEveryPageInOrder(t *testing.T) {
	p := &fakeRoomList{pages: [][]wire.RoomInfo{roomsNamed("a", "b"), roomsNamed("c", "d"), roomsNamed("e")}}
	got, n, err := listRooms(context.Background(), p.fetch, keepAll)
	if err != nil || n != 3 {
		t.Fatalf("pages %d, %v", n, err)
	}
	if want := []string{"a", "b", "c", "d", "e"}; !reflect.DeepEqual(roomIDsOf(got), want) {
		t.Fatalf("got %v, want %v", roomIDsOf(got), want)
	}
	if want := []string{"", "c1", "c2"}; !reflect.DeepEqual(p.asked, want) {
		t.Fatalf("cursors %v, want %v", p.asked, want)
	}
}

// A room that moves to a later page between two requests is listed once, where it was first.
func TestListRoomsListsARoomOnce(t *testing.T) {
	p := &fakeRoomList{pages: [][]wire.RoomInfo{roomsNamed("a", "b"), roomsNamed("b", "c")}}
	got, _, err := listRooms(context.Background(), p.fetch, keepAll)
	if err != nil || !reflect.DeepEqual(roomIDsOf(got), []string{"a", "b", "c"}) {
		t.Fatalf("got %v, %v", roomIDsOf(got), err)
	}
}

func TestListRoomsEmpty(t *testing.T) {
	p := &fakeRoomList{pages: [][]wire.RoomInfo{nil}}
	got, _, err := listRooms(context.Background(), p.fetch, keepAll)
	if err != nil || got == nil || len(got) != 0 {
		t.Fatalf("want an empty, non-nil list, got %#v, %v", got, err)
	}
}

func TestListRoomsStopsOnARepeatedCursor(t *testing.T) {
	loop := func(_ context.Context, next string) (wire.RoomListPage, error) {
		return wire.RoomListPage{Next: "same", Rooms: roomsNamed("a")}, nil
	}
	_, n, err := listRooms(context.Background(), loop, keepAll)
	want := `get_room_list answered the cursor "same" a second time; stopping instead of reading the same pages forever`
	if err == nil || err.Error() != want || n != 2 {
		t.Fatalf("page %d, %v", n, err)
	}
}

func TestListRoomsReportsTheFailingPage(t *testing.T) {
	boom := errors.New("boom")
	p := &fakeRoomList{pages: [][]wire.RoomInfo{roomsNamed("a"), roomsNamed("b"), roomsNamed("c")}}
	fetch := func(ctx context.Context, next string) (wire.RoomListPage, error) {
		if next == "c2" {
			return wire.RoomListPage{}, boom
		}
		return p.fetch(ctx, next)
	}
	got, n, err := listRooms(context.Background(), fetch, keepAll)
	if !errors.Is(err, boom) || n != 3 || got != nil {
		t.Fatalf("page %d, rooms %v, %v", n, got, err)
	}
}

func TestRoomFilter(t *testing.T) {
	r := wire.RoomInfo{RoomID: "event-2026-01", Category: new([]int64{3, 7}), ActivityStatus: new(int64(2))}
	bare := wire.RoomInfo{RoomID: "event-bare"} // absent fields: no categories, status 0
	for _, tc := range []struct {
		name       string
		f          roomFilter
		room, bare bool
	}{
		{"no filter", roomFilter{}, true, true},
		{"prefix", roomFilter{prefix: "event-2026"}, true, false},
		{"other prefix", roomFilter{prefix: "show-"}, false, false},
		{"category present", roomFilter{category: new(int64(7))}, true, false},
		{"category absent", roomFilter{category: new(int64(4))}, false, false},
		{"status", roomFilter{activityStatus: new(int64(2))}, true, false},
		{"status 0 matches an absent status", roomFilter{activityStatus: new(int64(0))}, false, true},
		{"all three", roomFilter{prefix: "event-", category: new(int64(3)), activityStatus: new(int64(2))}, true, false},
		{"all three, one off", roomFilter{prefix: "event-", category: new(int64(3)), activityStatus: new(int64(1))}, false, false},
	} {
		if got := tc.f.matches(r); got != tc.room {
			t.Errorf("%s: room: got %v", tc.name, got)
		}
		if got := tc.f.matches(bare); got != tc.bare {
			t.Errorf("%s: bare room: got %v", tc.name, got)
		}
	}
}

func TestFilterOf(t *testing.T) {
	f := filterOf(roomsDataModel{RoomIDPrefix: types.StringNull(), Category: types.Int64Value(5), ActivityStatus: types.Int64Null()})
	if f.prefix != "" || f.category == nil || *f.category != 5 || f.activityStatus != nil {
		t.Fatalf("%+v", f)
	}
}

func TestFlattenRoomsItem(t *testing.T) {
	got := flattenRoomsItem(wire.RoomInfo{RoomID: "r1", RoomName: new("Show"), OwnerAccount: new("host-1"),
		CoverURL: new("https://c/x.png"), Category: new([]int64{1, 2}), ActivityStatus: new(int64(3)),
		CreateTime: new(int64(1700000000)), ViewCount: new(int64(42))})
	want := roomsItem{
		RoomID: types.StringValue("r1"), RoomName: types.StringValue("Show"), OwnerAccount: types.StringValue("host-1"),
		CoverURL:       types.StringValue("https://c/x.png"),
		Category:       types.ListValueMust(types.Int64Type, []attr.Value{types.Int64Value(1), types.Int64Value(2)}),
		ActivityStatus: types.Int64Value(3), CreateTime: types.Int64Value(1700000000), ViewCount: types.Int64Value(42),
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %+v\nwant %+v", got, want)
	}

	// Absent fields get the room resource's defaults; absent counts and owner are null.
	got = flattenRoomsItem(wire.RoomInfo{RoomID: "r2"})
	want = roomsItem{
		RoomID: types.StringValue("r2"), RoomName: types.StringValue("r2"), OwnerAccount: types.StringNull(),
		CoverURL: types.StringValue(""), Category: types.ListValueMust(types.Int64Type, []attr.Value{}),
		ActivityStatus: types.Int64Value(0), CreateTime: types.Int64Null(), ViewCount: types.Int64Null(),
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %+v\nwant %+v", got, want)
	}
}
