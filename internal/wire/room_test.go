package wire

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"reflect"
	"strings"
	"testing"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
)

func ptr[T any](v T) *T { return &v }

func TestRoomInfoDecodesReadBackDrift(t *testing.T) {
	tests := []struct {
		name      string
		json      string
		takeSeat  *string
		owner     *string
		category  *[]int64
		wantError string
	}{
		{name: "string forms", json: `{"RoomId":"r","TakeSeatMode":"ApplyToTake","Owner_Account":"alice","Category":[1,2]}`,
			takeSeat: ptr("ApplyToTake"), owner: ptr("alice"), category: &[]int64{1, 2}},
		{name: "int 1", json: `{"RoomId":"r","TakeSeatMode":1}`, takeSeat: ptr(livespec.TakeSeatFree)},
		{name: "int 2", json: `{"RoomId":"r","TakeSeatMode":2}`, takeSeat: ptr(livespec.TakeSeatApply)},
		{name: "unknown int kept as text", json: `{"RoomId":"r","TakeSeatMode":7}`, takeSeat: ptr("7")},
		{name: "owner number keeps its digits", json: `{"RoomId":"r","Owner_Account":144115212345678}`, owner: ptr("144115212345678")},
		{name: "owner beyond int64", json: `{"RoomId":"r","Owner_Account":12345678901234567890123}`, owner: ptr("12345678901234567890123")},
		{name: "nulls", json: `{"RoomId":"r","TakeSeatMode":null,"Owner_Account":null,"Category":null}`},
		{name: "absent", json: `{"RoomId":"r"}`},
		{name: "empty category", json: `{"RoomId":"r","Category":[]}`, category: &[]int64{}},
		{name: "bool mode", json: `{"RoomId":"r","TakeSeatMode":true}`, wantError: "TakeSeatMode"},
		{name: "object owner", json: `{"RoomId":"r","Owner_Account":{}}`, wantError: "Owner_Account"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var r RoomInfo
			err := json.Unmarshal([]byte(tt.json), &r)
			if tt.wantError != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantError) {
					t.Fatalf("err = %v, want one naming %s", err, tt.wantError)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if r.RoomID != "r" {
				t.Errorf("RoomID = %q", r.RoomID)
			}
			if !reflect.DeepEqual(r.TakeSeatMode, tt.takeSeat) {
				t.Errorf("TakeSeatMode = %v, want %v", deref(r.TakeSeatMode), deref(tt.takeSeat))
			}
			if !reflect.DeepEqual(r.OwnerAccount, tt.owner) {
				t.Errorf("OwnerAccount = %v, want %v", deref(r.OwnerAccount), deref(tt.owner))
			}
			if !reflect.DeepEqual(r.Category, tt.category) {
				t.Errorf("Category = %v, want %v", deref(r.Category), deref(tt.category))
			}
		})
	}
}

func deref[T any](p *T) any {
	if p == nil {
		return "<nil>"
	}
	return *p
}

func TestRoomInfoDecodesEveryField(t *testing.T) {
	in := `{"RoomId":"r1","RoomType":"Live","Owner_Account":"o","SeatTemplate":"AudioSalon","TakeSeatMode":"FreeToTake",
	"MaxSeatCount":8,"MaxMemberCount":500,"IsMessageDisabled":true,"IsPublicVisible":false,"RoomName":"n","CoverURL":"https://c",
	"Category":[3],"ActivityStatus":2,"Notice":"hi","CreateTime":1700000000,"ViewCount":42,"Unknown":"ignored"}`
	var got RoomInfo
	if err := json.Unmarshal([]byte(in), &got); err != nil {
		t.Fatal(err)
	}
	want := RoomInfo{RoomID: "r1", RoomType: "Live", OwnerAccount: ptr("o"), SeatTemplate: ptr("AudioSalon"),
		TakeSeatMode: ptr("FreeToTake"), MaxSeatCount: ptr[int64](8), MaxMemberCount: ptr[int64](500),
		IsMessageDisabled: ptr(true), IsPublicVisible: ptr(false), RoomName: ptr("n"), CoverURL: ptr("https://c"),
		Category: &[]int64{3}, ActivityStatus: ptr[int64](2), Notice: ptr("hi"), CreateTime: ptr[int64](1700000000), ViewCount: ptr[int64](42)}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
	// And it encodes back under the same names.
	b, _ := json.Marshal(want)
	var again RoomInfo
	if err := json.Unmarshal(b, &again); err != nil || !reflect.DeepEqual(again, want) {
		t.Errorf("round trip: %v %+v", err, again)
	}
}

// roomAPI answers every request OK with response, recording bodies.
func roomAPI(t *testing.T, response any) *fakeAPI {
	return newFakeAPI(t, nil, func(n int, _ recorded, w http.ResponseWriter, _ *http.Request) { writeOK(w, n, response) })
}

func TestCreateRoomBody(t *testing.T) {
	api := roomAPI(t, map[string]any{"RoomId": "r1"})
	c := newTestClient(t, api, newFakeClock(), nil)
	err := c.CreateRoom(context.Background(), RoomInfo{RoomID: "r1", RoomType: "Conference", SeatTemplate: ptr("AudioSalon"),
		MaxSeatCount: ptr[int64](8), IsPublicVisible: ptr(false), CreateTime: ptr[int64](5), ViewCount: ptr[int64](6)})
	if err != nil {
		t.Fatal(err)
	}
	r := api.Requests()[0]
	if r.Path != "/v4/live_engine_http_srv/create_room" {
		t.Errorf("path %s", r.Path)
	}
	jsonEqual(t, r.Body, `{"RoomInfo":{"RoomId":"r1","RoomType":"Live","SeatTemplate":"AudioSalon","MaxSeatCount":8,"IsPublicVisible":false}}`)
}

func TestUpdateRoomInfoSendsOnlySetFields(t *testing.T) {
	api := roomAPI(t, nil)
	c := newTestClient(t, api, newFakeClock(), nil)
	err := c.UpdateRoomInfo(context.Background(), RoomInfo{RoomID: "r1", RoomType: "Live", Notice: ptr(""), Category: &[]int64{},
		IsMessageDisabled: ptr(false), CreateTime: ptr[int64](1)})
	if err != nil {
		t.Fatal(err)
	}
	r := api.Requests()[0]
	if r.Path != "/v4/live_engine_http_srv/update_room_info" {
		t.Errorf("path %s", r.Path)
	}
	// Zero values that are set (empty notice, no categories, false) are sent: they clear.
	jsonEqual(t, r.Body, `{"RoomInfo":{"RoomId":"r1","Notice":"","Category":[],"IsMessageDisabled":false}}`)
}

func TestGetRoomInfo(t *testing.T) {
	api := roomAPI(t, json.RawMessage(`{"RoomInfo":{"RoomId":"r1","TakeSeatMode":2,"Owner_Account":144115212345678}}`))
	c := newTestClient(t, api, newFakeClock(), nil)
	info, err := c.GetRoomInfo(context.Background(), "r1")
	if err != nil {
		t.Fatal(err)
	}
	jsonEqual(t, api.Requests()[0].Body, `{"RoomId":"r1"}`)
	if info.RoomID != "r1" || *info.TakeSeatMode != "ApplyToTake" || *info.OwnerAccount != "144115212345678" {
		t.Errorf("info = %+v", info)
	}
}

func TestGetRoomInfoWithoutRoomInfo(t *testing.T) {
	c := newTestClient(t, roomAPI(t, nil), newFakeClock(), nil)
	_, err := c.GetRoomInfo(context.Background(), "r1")
	if err == nil || !strings.Contains(err.Error(), "carries no RoomInfo") {
		t.Errorf("err = %v", err)
	}
}

func TestGetRoomInfoNotFound(t *testing.T) {
	api := newFakeAPI(t, nil, func(n int, _ recorded, w http.ResponseWriter, _ *http.Request) {
		writeFail(w, n, 100004, "room not exist")
	})
	c := newTestClient(t, api, newFakeClock(), nil)
	_, err := c.GetRoomInfo(context.Background(), "gone")
	if CodeOf(err) != livespec.CodeRoomNotFound || requestIDOf(err) != requestID(0) {
		t.Errorf("err = %v", err)
	}
}

func TestDestroyRoomBody(t *testing.T) {
	api := roomAPI(t, nil)
	c := newTestClient(t, api, newFakeClock(), nil)
	if err := c.DestroyRoom(context.Background(), "r1"); err != nil {
		t.Fatal(err)
	}
	r := api.Requests()[0]
	if r.Path != "/v4/live_engine_http_srv/destroy_room" {
		t.Errorf("path %s", r.Path)
	}
	jsonEqual(t, r.Body, `{"RoomId":"r1"}`)
}

func TestGetRoomList(t *testing.T) {
	api := roomAPI(t, json.RawMessage(`{"Next":"cursor-2","RoomList":[{"RoomId":"a","Owner_Account":7},{"RoomId":"b"}]}`))
	c := newTestClient(t, api, newFakeClock(), nil)
	page, err := c.GetRoomList(context.Background(), "", 0)
	if err != nil {
		t.Fatal(err)
	}
	jsonEqual(t, api.Requests()[0].Body, `{"Next":"","Count":20}`)
	if page.Next != "cursor-2" || len(page.Rooms) != 2 || page.Rooms[0].RoomID != "a" || *page.Rooms[0].OwnerAccount != "7" {
		t.Errorf("page = %+v", page)
	}
	if _, err := c.GetRoomList(context.Background(), "cursor-2", 5); err != nil {
		t.Fatal(err)
	}
	jsonEqual(t, api.Requests()[1].Body, `{"Next":"cursor-2","Count":5}`)
}

func TestImportAccount(t *testing.T) {
	api := newFakeAPI(t, nil, func(n int, _ recorded, w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, map[string]any{"ActionStatus": "OK", "ErrorCode": 0, "ErrorInfo": ""})
	})
	c := newTestClient(t, api, newFakeClock(), nil)
	if err := c.ImportAccount(context.Background(), Account{UserID: "u1"}); err != nil {
		t.Fatal(err)
	}
	if err := c.ImportAccount(context.Background(), Account{UserID: "u2", Nick: "N", FaceURL: "https://f"}); err != nil {
		t.Fatal(err)
	}
	reqs := api.Requests()
	if reqs[0].Path != "/v4/im_open_login_svc/account_import" {
		t.Errorf("path %s", reqs[0].Path)
	}
	jsonEqual(t, reqs[0].Body, `{"UserID":"u1"}`)
	jsonEqual(t, reqs[1].Body, `{"UserID":"u2","Nick":"N","FaceUrl":"https://f"}`)
}

func TestCheckAccountsBatches(t *testing.T) {
	api := newFakeAPI(t, nil, func(n int, req recorded, w http.ResponseWriter, _ *http.Request) {
		var body struct{ CheckItem []userIDItem }
		_ = json.Unmarshal(req.Body, &body)
		var items []map[string]any
		for i, it := range body.CheckItem {
			status := "Imported"
			if i%2 == 1 {
				status = "NotImported"
			}
			items = append(items, map[string]any{"UserID": it.UserID, "ResultCode": 0, "ResultInfo": "", "AccountStatus": status})
		}
		writeJSON(w, map[string]any{"ActionStatus": "OK", "ErrorCode": 0, "ResultItem": items})
	})
	c := newTestClient(t, api, newFakeClock(), nil)
	var ids []string
	for i := range 150 {
		ids = append(ids, fmt.Sprintf("u%d", i))
	}
	got, err := c.CheckAccounts(context.Background(), ids)
	if err != nil {
		t.Fatal(err)
	}
	reqs := api.Requests()
	if len(reqs) != 2 || reqs[0].Path != "/v4/im_open_login_svc/account_check" {
		t.Fatalf("%d requests, want batches of %d", len(reqs), livespec.MaxAccountsPerOp)
	}
	var first struct{ CheckItem []userIDItem }
	_ = json.Unmarshal(reqs[0].Body, &first)
	if len(first.CheckItem) != 100 || first.CheckItem[0].UserID != "u0" {
		t.Errorf("first batch has %d items", len(first.CheckItem))
	}
	if len(got) != 150 || got[0] != (AccountStatus{UserID: "u0", Imported: true}) || got[1].Imported || got[149].UserID != "u149" {
		t.Errorf("results: %d, first %+v, second %+v", len(got), got[0], got[1])
	}

	if got, err := c.CheckAccounts(context.Background(), nil); err != nil || got != nil || len(api.Requests()) != 2 {
		t.Errorf("no IDs must send nothing: %v %v", got, err)
	}
}

func TestDeleteAccounts(t *testing.T) {
	api := newFakeAPI(t, nil, func(n int, req recorded, w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, map[string]any{"ActionStatus": "OK", "ErrorCode": 0, "ResultItem": []map[string]any{
			{"UserID": "u1", "ResultCode": 0, "ResultInfo": ""},
			{"UserID": "ghost", "ResultCode": 70107, "ResultInfo": "Err_TLS_PT_Open_Login_Account_Not_Exist"},
		}})
	})
	c := newTestClient(t, api, newFakeClock(), nil)
	got, err := c.DeleteAccounts(context.Background(), []string{"u1", "ghost"})
	if err != nil {
		t.Fatal(err)
	}
	r := api.Requests()[0]
	if r.Path != "/v4/im_open_login_svc/account_delete" {
		t.Errorf("path %s", r.Path)
	}
	jsonEqual(t, r.Body, `{"DeleteItem":[{"UserID":"u1"},{"UserID":"ghost"}]}`)
	want := []AccountResult{{UserID: "u1"}, {UserID: "ghost", ResultCode: 70107, ResultInfo: "Err_TLS_PT_Open_Login_Account_Not_Exist"}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %+v", got)
	}
}
