package emulator

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
)

// sigPlaceholder in a fuzzed query is replaced by a valid UserSig of the default admin, so the
// fuzzer reaches the commands instead of stopping at authentication.
const sigPlaceholder = "{sig}"

// FuzzHandler feeds arbitrary paths, queries and bodies to the handler with its last-resort
// recover turned off: any panic fails. Every answer must be a well-formed envelope with a
// documented code, and the rooms must always respect the documented limits.
func FuzzHandler(f *testing.F) {
	valid := "sdkappid=1400000000&identifier=administrator&usersig=" + sigPlaceholder + "&random=1&contenttype=json"
	for _, seed := range []struct{ path, query, body string }{
		{"live_engine_http_srv/create_room", valid, `{"RoomInfo":{"RoomId":"r1","RoomType":"Live","SeatTemplate":"AudioSalon","MaxSeatCount":8,"Category":[1,2],"RoomName":"n"}}`},
		{"live_engine_http_srv/create_room", valid, `{"RoomInfo":{"RoomId":"r1","RoomType":"Live","SeatTemplate":"VideoLandscape4Seat","Owner_Account":7}}`},
		{"live_engine_http_srv/update_room_info", valid, `{"RoomInfo":{"RoomId":"r1","Notice":"x","TakeSeatMode":"ApplyToTake","Category":[]}}`},
		{"live_engine_http_srv/get_room_info", valid, `{"RoomId":"r1"}`},
		{"live_engine_http_srv/destroy_room", valid, `{"RoomId":"r1"}`},
		{"live_engine_http_srv/get_room_list", valid, `{"Next":"0-7231","Count":3}`},
		{"live_engine_http_srv/set_room_metadata", valid, `{"RoomId":"r1","Metadata":[{"Key":"k","Value":"v"}]}`},
		{"live_engine_http_srv/get_room_metadata", valid, `{"RoomId":"r1","Keys":["k"]}`},
		{"live_engine_http_srv/del_room_metadata", valid, `{"RoomId":"r1","Keys":["k"]}`},
		{"live_engine_http_srv/modify_admin", valid, `{"RoomId":"r1","OpType":"add","Admin_Account":["alice"]}`},
		{"live_engine_http_srv/modify_admin", valid, `{"RoomId":"r1","OpType":"delete","Admin_Account":["alice",3]}`},
		{"live_engine_http_srv/get_admin_list", valid, `{"RoomId":"r1"}`},
		{"live_engine_http_srv/add_robot", valid, `{"RoomId":"r1","RobotList_Account":["alice"]}`},
		{"live_engine_http_srv/get_robot", valid, `{"RoomId":"r1"}`},
		{"live_engine_http_srv/del_robot", valid, `{"RoomId":"r1","RobotList_Account":["alice"]}`},
		{"live_engine_http_srv/add_gift", valid, `{"GiftId":"rose","DefaultName":"Rose","Coins":10,"Level":1,"ExtensionInfo":"{\\"a\\":\\"b\\"}"}`},
		{"live_engine_http_srv/set_gift_language", valid, `{"GiftId":"rose","Language":"zh-Hans","Name":"玫瑰"}`},
		{"live_engine_http_srv/add_gift_category", valid, `{"CategoryId":"hot","DefaultName":"Hot"}`},
		{"live_engine_http_srv/add_gift_category_relations", valid, `{"CategoryId":"hot","GiftIdList":["rose","x"]}`},
		{"live_engine_http_srv/get_gift_info_list", valid, `{}`},
		{"live_engine_http_srv/send_gift", valid, `{"RoomId":"r1","GiftId":"rose","From_Account":"a","ReceiverList_Account":["b"],"Count":2}`},
		{"im_open_login_svc/account_import", valid, `{"UserID":"alice","Nick":"A"}`},
		{"im_open_login_svc/multiaccount_import", valid, `{"Accounts":["a","b"],"AccountList":[{"UserID":"c"}]}`},
		{"im_open_login_svc/account_check", valid, `{"CheckItem":[{"UserID":"alice"}]}`},
		{"im_open_login_svc/account_delete", valid, `{"DeleteItem":[{"UserID":"alice"}]}`},
		{"live_engine_http_srv/create_room", "sdkappid=1400000000&identifier=administrator&usersig=eJw*&x=%zz", `{`},
		{"live_engine_http_srv/get_room_list", "usersig=&sdkappid=-1", `[]`},
		{"../../etc/passwd", valid, `{"RoomId":"\u0000"}`},
	} {
		f.Add(seed.path, seed.query, []byte(seed.body))
	}

	clock := newFakeClock()
	s, err := New(Options{Now: clock.Now, SensitiveWords: []string{"bad"}, ChatGroups: []string{"grp"}, RoomTTL: time.Hour, AdminCap: 3})
	if err != nil {
		f.Fatal(err)
	}
	s.noRecover = true
	sig := url.QueryEscape(s.UserSig(DefaultAdmin))

	f.Fuzz(func(t *testing.T, path, rawQuery string, body []byte) {
		clock.Advance(300 * time.Millisecond)
		req := &http.Request{
			Method: http.MethodPost,
			URL:    &url.URL{Path: "/v4/" + path, RawQuery: strings.ReplaceAll(rawQuery, sigPlaceholder, sig)},
			Header: http.Header{},
			Body:   io.NopCloser(bytes.NewReader(body)),
		}
		req = req.WithContext(t.Context())
		rec := httptest.NewRecorder()
		s.ServeHTTP(rec, req)

		if rec.Code != http.StatusOK {
			t.Fatalf("HTTP %d", rec.Code)
		}
		var env struct {
			ActionStatus string
			ErrorCode    *int
			ErrorInfo    *string
			RequestID    string `json:"RequestId"`
		}
		if err := json.Unmarshal(rec.Body.Bytes(), &env); err != nil {
			t.Fatalf("answer is not JSON: %s", rec.Body)
		}
		if env.ErrorCode == nil || env.ErrorInfo == nil || !strings.HasPrefix(env.RequestID, "Id-") {
			t.Fatalf("incomplete envelope: %s", rec.Body)
		}
		if (*env.ErrorCode == 0) != (env.ActionStatus == "OK") {
			t.Fatalf("ActionStatus %q with code %d", env.ActionStatus, *env.ErrorCode)
		}
		if _, ok := livespec.Codes[livespec.Code(*env.ErrorCode)]; !ok && *env.ErrorCode != 0 {
			t.Fatalf("undocumented code %d", *env.ErrorCode)
		}
		for _, r := range s.Rooms() {
			// The limits are written out from the Create Room page (https://trtc.io/document/63401),
			// not read from livespec, so a wrong limit there cannot agree with its own oracle.
			if r.RoomID == "" || len(r.RoomID) > 48 || !livespec.IsPrintableASCII(r.RoomID) ||
				len(r.RoomName) > 100 || len(r.CoverURL) > 200 ||
				len(r.Notice) > 100 || len(r.Category) > 3 ||
				r.MaxSeatCount > DefaultSeatCap || r.MaxMemberCount > DefaultMemberCap || len(r.Metadata) > 10 ||
				r.RoomType != livespec.RoomTypeLive || s.containsSensitive(r.RoomName) || s.containsSensitive(r.Notice) || r.RoomID == "grp" ||
				len(r.Admins) > 3 || slices.Contains(r.Admins, r.OwnerAccount) {
				t.Fatalf("a room breaks the documented limits: %+v", r)
			}
		}
	})
}

// FuzzParseAuthQuery holds the hand-written query reader to url.ParseQuery's answers.
func FuzzParseAuthQuery(f *testing.F) {
	for _, q := range []string{
		"sdkappid=1&identifier=a&usersig=x%2Ay",
		"sdkappid=1&sdkappid=2", "usersig=%zz&usersig=ok", "a;b=1&identifier=b", "identifier=a+b",
		"&&=&sdkappid", "%73dkappid=5", "identifier=%", "usersig=a=b=c",
	} {
		f.Add(q)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		want, _ := url.ParseQuery(raw)
		var memo unescapeMemo
		for _, got := range []authParams{parseAuthQuery(raw, nil), parseAuthQuery(raw, &memo), parseAuthQuery(raw, &memo)} {
			if got.sdkAppID != want.Get("sdkappid") || got.identifier != want.Get("identifier") || got.userSig != want.Get("usersig") {
				t.Fatalf("%q: got %+v, url.ParseQuery says %v", raw, got, want)
			}
		}
	})
}

// FuzzDecodeObject holds the in-place object splitter to json.Unmarshal's answers.
func FuzzDecodeObject(f *testing.F) {
	for _, s := range []string{
		`{}`, ` { "a" : 1 , "b":[1,{"c":"}"}] ,"a":"x\"y"} `, `{"k":null}`, `{"\u00e9":true,"e\\":-1.5e3}`,
		`[]`, `null`, `{"a":1,}`, `{"a" 1}`, "{\"\xff\":1}", `{"a":{"b":{}}, "c": "d"}`, `"s"`, `{"a":"\ud800"}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var want map[string]json.RawMessage
		wantErr := json.Unmarshal(data, &want)
		got, ok := decodeObject(data)
		if wantOK := wantErr == nil && want != nil; ok != wantOK {
			t.Fatalf("%q: ok=%v, json.Unmarshal err=%v map=%v", data, ok, wantErr, want)
		}
		if !ok {
			return
		}
		if len(got) != len(want) {
			t.Fatalf("%q: %d keys, want %d", data, len(got), len(want))
		}
		for k, v := range want {
			if !bytes.Equal(got[k], v) {
				t.Fatalf("%q: key %q = %q, want %q", data, k, got[k], v)
			}
		}
	})
}
