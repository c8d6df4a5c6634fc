package emulator

import (
	"bytes"
	"compress/zlib"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
)

// drop marks a field to remove from the base create body.
type dropField struct{}

var drop = dropField{}

// createBody is a valid create_room body with fields replaced (or dropped).
func createBody(id string, fields map[string]any) map[string]any {
	info := map[string]any{"RoomId": id, "RoomType": "Live", "SeatTemplate": "VideoDynamicGrid9Seats"}
	for k, v := range fields {
		if v == drop {
			delete(info, k)
			continue
		}
		info[k] = v
	}
	return map[string]any{"RoomInfo": info}
}

func updateBody(id string, fields map[string]any) map[string]any {
	info := map[string]any{"RoomId": id}
	for k, v := range fields {
		info[k] = v
	}
	return map[string]any{"RoomInfo": info}
}

// sigWithDoc encodes an arbitrary document the way UserSigs are encoded.
func sigWithDoc(doc string) string {
	var b bytes.Buffer
	w := zlib.NewWriter(&b)
	_, _ = w.Write([]byte(doc))
	_ = w.Close()
	return sigEncoding.EncodeToString(b.Bytes())
}

func metadataItems(n, valueBytes int, prefix string) []map[string]string {
	out := make([]map[string]string, n)
	for i := range out {
		out[i] = map[string]string{"Key": prefix + string(rune('a'+i)), "Value": strings.Repeat("v", valueBytes)}
	}
	return out
}

type codeCase struct {
	name    string
	opts    Options
	setup   func(h *harness)
	method  string                  // default POST
	path    string                  // default the command's path
	query   func(h *harness) string // default a valid admin query
	command string
	body    any
	want    livespec.Code
	check   func(t *testing.T, h *harness, env envelope) // extra assertions on success
}

func withRoom(id string) func(h *harness) { return func(h *harness) { h.createRoom(id, nil) } }

// withImportedRoom creates a room owned by the default admin and imports users.
func withImportedRoom(id string, users ...string) func(h *harness) {
	return func(h *harness) {
		h.createRoom(id, nil)
		for _, u := range users {
			h.importAccount(u)
		}
	}
}

func adminBody(roomID, op string, users ...string) map[string]any {
	return map[string]any{"RoomId": roomID, "OpType": op, "Admin_Account": append([]string{}, users...)}
}

func robotBody(roomID string, users ...string) map[string]any {
	return map[string]any{"RoomId": roomID, "RobotList_Account": append([]string{}, users...)}
}

// TestErrorCodes drives every documented code through the wire and checks that a failed request
// leaves rooms and accounts exactly as they were.
func TestErrorCodes(t *testing.T) {
	long := func(n int) string { return strings.Repeat("x", n) }
	validQuery := func(h *harness) string { return h.query(DefaultAdmin) }
	cases := []codeCase{
		// Framework: method, body, query, UserSig, admin, command, rate.
		{name: "GET is refused", method: http.MethodGet, command: "get_room_list", body: "{}", want: 60002},
		{name: "empty body", command: "get_room_list", body: "", want: livespec.CodeBadJSON},
		{name: "body not JSON", command: "get_room_list", body: "{", want: livespec.CodeBadJSON},
		{name: "body an array", command: "get_room_list", body: "[]", want: livespec.CodeBadJSON},
		{name: "body null", command: "get_room_list", body: "null", want: livespec.CodeBadJSON},
		{name: "trailing garbage", command: "get_room_list", body: "{}{}", want: livespec.CodeBadJSON},
		{name: "body over 1 MiB", command: "create_room", body: `{"RoomInfo":{"RoomName":"` + long(MaxBodyBytes) + `"}}`, want: livespec.CodeBadJSON},
		{name: "bad JSON wins over missing sdkappid", command: "get_room_list", body: "{",
			query: func(h *harness) string { return "identifier=administrator" }, want: livespec.CodeBadJSON},
		{name: "sdkappid missing", command: "get_room_list", body: "{}",
			query: func(h *harness) string { return strings.Replace(h.query(DefaultAdmin), "sdkappid=", "x=", 1) }, want: livespec.CodeMissingSDKAppID},
		{name: "sdkappid not a number", command: "get_room_list", body: "{}",
			query: func(h *harness) string { return strings.Replace(h.query(DefaultAdmin), "sdkappid=", "sdkappid=abc", 1) }, want: livespec.CodeMissingSDKAppID},
		{name: "usersig empty", command: "get_room_list", body: "{}",
			query: func(h *harness) string { return authQuery(h.s.SDKAppID(), DefaultAdmin, "") }, want: livespec.CodeSigEmpty},
		{name: "sdkappid unknown", command: "get_room_list", body: "{}",
			query: func(h *harness) string { return authQuery(1400000001, DefaultAdmin, h.s.UserSig(DefaultAdmin)) }, want: livespec.CodeUnknownSDKAppID},
		{name: "usersig garbled", command: "get_room_list", body: "{}",
			query: func(h *harness) string { return authQuery(h.s.SDKAppID(), DefaultAdmin, "not-a-sig!") }, want: livespec.CodeSigUnparsable},
		{name: "usersig truncated", command: "get_room_list", body: "{}",
			query: func(h *harness) string {
				sig := h.s.UserSig(DefaultAdmin)
				return authQuery(h.s.SDKAppID(), DefaultAdmin, sig[:len(sig)/2])
			}, want: livespec.CodeSigUnparsable},
		{name: "usersig holds no JSON", command: "get_room_list", body: "{}",
			query: func(h *harness) string { return authQuery(h.s.SDKAppID(), DefaultAdmin, sigWithDoc("not json")) }, want: livespec.CodeSigUnparsable},
		{name: "usersig JSON without identifier", command: "get_room_list", body: "{}",
			query: func(h *harness) string {
				return authQuery(h.s.SDKAppID(), DefaultAdmin, sigWithDoc(`{"TLS.ver":"2.0","TLS.sdkappid":1400000000}`))
			}, want: livespec.CodeSigUnparsable},
		{name: "usersig too long", command: "get_room_list", body: "{}",
			query: func(h *harness) string { return authQuery(h.s.SDKAppID(), DefaultAdmin, long(maxUserSigChars+4)) }, want: livespec.CodeSigUnparsable},
		{name: "usersig expired", command: "get_room_list", body: "{}",
			query: func(h *harness) string {
				sig := h.s.UserSigWithExpiry(DefaultAdmin, time.Minute)
				h.clock.Advance(time.Minute + time.Second)
				return authQuery(h.s.SDKAppID(), DefaultAdmin, sig)
			}, want: livespec.CodeSigExpired},
		{name: "usersig signed with another key", command: "get_room_list", body: "{}",
			query: func(h *harness) string {
				return authQuery(h.s.SDKAppID(), DefaultAdmin, genUserSig(h.s.SDKAppID(), "another-key", DefaultAdmin, h.clock.Now(), time.Hour))
			}, want: livespec.CodeSigWrongKey},
		{name: "usersig of another identifier", command: "get_room_list", body: "{}",
			query: func(h *harness) string { return authQuery(h.s.SDKAppID(), DefaultAdmin, h.s.UserSig("someone")) }, want: livespec.CodeSigIdentifier},
		{name: "usersig of another sdkappid", command: "get_room_list", body: "{}",
			query: func(h *harness) string {
				return authQuery(h.s.SDKAppID(), DefaultAdmin, genUserSig(1400000001, DefaultSecretKey, DefaultAdmin, h.clock.Now(), time.Hour))
			}, want: livespec.CodeSigSDKAppID},
		{name: "identifier not an admin", command: "get_room_list", body: "{}",
			query: func(h *harness) string { return h.query("alice") }, want: livespec.CodeNeedsAdmin},
		{name: "admin check before command check", path: "/v4/live_engine_http_srv/no_such_command", body: "{}",
			query: func(h *harness) string { return h.query("alice") }, want: livespec.CodeNeedsAdmin},
		{name: "unknown command", path: "/v4/live_engine_http_srv/kick_everyone", body: "{}", want: livespec.CodeUnknownCommand},
		{name: "command under the wrong service", path: "/v4/im_open_login_svc/create_room", body: "{}", want: livespec.CodeUnknownCommand},
		{name: "path outside v4", path: "/v3/live_engine_http_srv/create_room", body: "{}", want: livespec.CodeUnknownCommand},
		{name: "rate limit", opts: Options{QPS: 2}, command: "get_room_list", body: "{}",
			setup: func(h *harness) {
				h.call("get_room_list", "{}").mustOK(h.t)
				h.call("get_room_list", "{}").mustOK(h.t)
			}, want: livespec.CodeRateLimited},

		// create_room.
		{name: "create ok", command: "create_room", body: createBody("r1", nil), want: 0},
		{name: "create no package", opts: Options{NoPackage: true}, command: "create_room", body: createBody("r1", nil), want: livespec.CodeNoPackage},
		{name: "create without RoomInfo", command: "create_room", body: `{"RoomId":"r1"}`, want: livespec.CodeInvalidParam},
		{name: "create RoomInfo not an object", command: "create_room", body: `{"RoomInfo":"r1"}`, want: livespec.CodeInvalidParam},
		{name: "create RoomId missing", command: "create_room", body: createBody("r1", map[string]any{"RoomId": drop}), want: livespec.CodeInvalidParam},
		{name: "create RoomId empty", command: "create_room", body: createBody("", nil), want: livespec.CodeInvalidParam},
		{name: "create RoomId not a string", command: "create_room", body: createBody("r1", map[string]any{"RoomId": 7}), want: livespec.CodeInvalidParam},
		{name: "create RoomId is case-sensitive", command: "create_room", body: `{"RoomInfo":{"roomId":"r1","RoomType":"Live","SeatTemplate":"AudioSalon"}}`, want: livespec.CodeInvalidParam},
		{name: "create RoomId 48 bytes", command: "create_room", body: createBody(long(48), nil), want: 0},
		{name: "create RoomId 49 bytes", command: "create_room", body: createBody(long(49), nil), want: livespec.CodeInvalidParam},
		{name: "create RoomId with a tab", command: "create_room", body: createBody("r\t1", nil), want: livespec.CodeInvalidParam},
		{name: "create RoomId not ASCII", command: "create_room", body: createBody("räum", nil), want: livespec.CodeInvalidParam},
		{name: "create RoomType missing", command: "create_room", body: createBody("r1", map[string]any{"RoomType": drop}), want: livespec.CodeInvalidParam},
		{name: "create RoomType Conference", command: "create_room", body: createBody("r1", map[string]any{"RoomType": "Conference"}), want: livespec.CodeInvalidRoomType},
		{name: "create SeatTemplate missing", command: "create_room", body: createBody("r1", map[string]any{"SeatTemplate": drop}), want: livespec.CodeInvalidParam},
		{name: "create SeatTemplate unknown", command: "create_room", body: createBody("r1", map[string]any{"SeatTemplate": "VideoGrid100Seats"}), want: livespec.CodeInvalidParam},
		{name: "create landscape singular", command: "create_room", body: createBody("r1", map[string]any{"SeatTemplate": livespec.LandscapeConsole}), want: 0},
		{name: "create landscape plural", command: "create_room", body: createBody("r1", map[string]any{"SeatTemplate": livespec.LandscapeSDK}), want: 0},
		{name: "create SeatLayoutTemplateId matching", command: "create_room", body: createBody("r1", map[string]any{"SeatLayoutTemplateId": 600}), want: 0},
		{name: "create SeatLayoutTemplateId mismatch", command: "create_room", body: createBody("r1", map[string]any{"SeatLayoutTemplateId": 801}), want: livespec.CodeInvalidParam},
		{name: "create MaxSeatCount with a video template", command: "create_room", body: createBody("r1", map[string]any{"MaxSeatCount": 4}), want: livespec.CodeInvalidParam},
		{name: "create MaxSeatCount at the cap", command: "create_room", body: createBody("r1", map[string]any{"SeatTemplate": "AudioSalon", "MaxSeatCount": 20}), want: 0},
		{name: "create MaxSeatCount over the cap", command: "create_room", body: createBody("r1", map[string]any{"SeatTemplate": "Karaoke", "MaxSeatCount": 21}), want: livespec.CodeOverPackageLimit},
		{name: "create MaxSeatCount over a custom cap", opts: Options{SeatCap: 8}, command: "create_room", body: createBody("r1", map[string]any{"SeatTemplate": "Karaoke", "MaxSeatCount": 9}), want: livespec.CodeOverPackageLimit},
		{name: "create MaxSeatCount zero", command: "create_room", body: createBody("r1", map[string]any{"SeatTemplate": "AudioSalon", "MaxSeatCount": 0}), want: livespec.CodeInvalidParam},
		{name: "create MaxSeatCount fraction", command: "create_room", body: createBody("r1", map[string]any{"SeatTemplate": "AudioSalon", "MaxSeatCount": 2.5}), want: livespec.CodeInvalidParam},
		{name: "create MaxMemberCount over the cap", command: "create_room", body: createBody("r1", map[string]any{"MaxMemberCount": 1001}), want: livespec.CodeOverPackageLimit},
		{name: "create MaxMemberCount zero", command: "create_room", body: createBody("r1", map[string]any{"MaxMemberCount": 0}), want: livespec.CodeInvalidParam},
		{name: "create RoomName 100 bytes", command: "create_room", body: createBody("r1", map[string]any{"RoomName": strings.Repeat("é", 50)}), want: 0},
		{name: "create RoomName 101 bytes in 51 characters", command: "create_room", body: createBody("r1", map[string]any{"RoomName": strings.Repeat("é", 50) + "x"}), want: livespec.CodeInvalidParam},
		{name: "create RoomName not a string", command: "create_room", body: createBody("r1", map[string]any{"RoomName": true}), want: livespec.CodeInvalidParam},
		{name: "create CoverURL 201 bytes", command: "create_room", body: createBody("r1", map[string]any{"CoverURL": long(201)}), want: livespec.CodeInvalidParam},
		{name: "create Category of 4", command: "create_room", body: createBody("r1", map[string]any{"Category": []int{1, 2, 3, 4}}), want: livespec.CodeTooManyCategories},
		{name: "create Category of strings", command: "create_room", body: createBody("r1", map[string]any{"Category": []string{"game"}}), want: livespec.CodeInvalidParam},
		{name: "create TakeSeatMode unknown", command: "create_room", body: createBody("r1", map[string]any{"TakeSeatMode": "Anyone"}), want: livespec.CodeInvalidParam},
		{name: "create IsPublicVisible not a bool", command: "create_room", body: createBody("r1", map[string]any{"IsPublicVisible": "yes"}), want: livespec.CodeInvalidParam},
		{name: "create ActivityStatus not an int", command: "create_room", body: createBody("r1", map[string]any{"ActivityStatus": "1"}), want: livespec.CodeInvalidParam},
		{name: "create Owner_Account a number", command: "create_room", body: createBody("r1", map[string]any{"Owner_Account": 12345}), want: livespec.CodeAccountNotString},
		{name: "create Owner_Account 33 bytes", command: "create_room", body: createBody("r1", map[string]any{"Owner_Account": long(33)}), want: livespec.CodeInvalidParam},
		{name: "create Owner_Account not imported", command: "create_room", body: createBody("r1", map[string]any{"Owner_Account": "ghost"}), want: livespec.CodeAccountNotImported},
		{name: "create sensitive RoomName", opts: Options{SensitiveWords: []string{"casino"}}, command: "create_room",
			body: createBody("r1", map[string]any{"RoomName": "Big CASINO night"}), want: livespec.CodeSensitiveContent},
		{name: "create ID held by a Chat group", opts: Options{ChatGroups: []string{"@TGS#group"}}, command: "create_room", body: createBody("@TGS#group", nil), want: livespec.CodeRoomIDIsChatGroup},
		{name: "create duplicate with the same owner", setup: withRoom("r1"), command: "create_room", body: createBody("r1", nil), want: livespec.CodeRoomExistsSameOwner},
		{name: "create duplicate with another owner", setup: func(h *harness) {
			h.importAccount("alice")
			h.createRoom("r1", map[string]any{"Owner_Account": "alice"})
		}, command: "create_room", body: createBody("r1", nil), want: livespec.CodeRoomIDTaken},
		{name: "create twice within a second", setup: func(h *harness) {
			h.call("create_room", createBody("r1", nil)).mustOK(h.t)
			h.clock.Advance(999 * time.Millisecond)
		}, command: "create_room", body: createBody("r1", nil), want: livespec.CodeCreateTooFrequent},
		{name: "destroy then create within a second", setup: func(h *harness) {
			h.call("create_room", createBody("r1", nil)).mustOK(h.t)
			h.call("destroy_room", map[string]any{"RoomId": "r1"}).mustOK(h.t)
			h.clock.Advance(500 * time.Millisecond)
		}, command: "create_room", body: createBody("r1", nil), want: livespec.CodeCreateTooFrequent},
		{name: "destroy then create a second later", setup: func(h *harness) {
			h.call("create_room", createBody("r1", nil)).mustOK(h.t)
			h.call("destroy_room", map[string]any{"RoomId": "r1"}).mustOK(h.t)
			h.clock.Advance(time.Second)
		}, command: "create_room", body: createBody("r1", nil), want: 0},

		// destroy_room, get_room_info.
		{name: "destroy ok", setup: withRoom("r1"), command: "destroy_room", body: map[string]any{"RoomId": "r1"}, want: 0,
			check: func(t *testing.T, h *harness, _ envelope) {
				if len(h.s.Rooms()) != 0 {
					t.Fatal("room still there after destroy")
				}
			}},
		{name: "destroy unknown room", setup: withRoom("r1"), command: "destroy_room", body: map[string]any{"RoomId": "r2"}, want: livespec.CodeRoomNotFound},
		{name: "destroy without RoomId", setup: withRoom("r1"), command: "destroy_room", body: "{}", want: livespec.CodeInvalidParam},
		{name: "destroy RoomId 49 bytes", setup: withRoom("r1"), command: "destroy_room", body: map[string]any{"RoomId": long(49)}, want: livespec.CodeInvalidParam},
		{name: "get ok", setup: withRoom("r1"), command: "get_room_info", body: map[string]any{"RoomId": "r1"}, want: 0},
		{name: "get unknown room", command: "get_room_info", body: map[string]any{"RoomId": "r1"}, want: livespec.CodeRoomNotFound},
		{name: "get RoomId a number", command: "get_room_info", body: map[string]any{"RoomId": 1}, want: livespec.CodeInvalidParam},

		// update_room_info.
		{name: "update ok", setup: withRoom("r1"), command: "update_room_info", body: updateBody("r1", map[string]any{"Notice": "hello"}), want: 0},
		{name: "update unknown room", setup: withRoom("r1"), command: "update_room_info", body: updateBody("r2", map[string]any{"Notice": "hello"}), want: livespec.CodeRoomNotFound},
		{name: "update without RoomInfo", setup: withRoom("r1"), command: "update_room_info", body: map[string]any{"RoomId": "r1"}, want: livespec.CodeInvalidParam},
		{name: "update Notice 101 bytes", setup: withRoom("r1"), command: "update_room_info", body: updateBody("r1", map[string]any{"Notice": long(101)}), want: livespec.CodeInvalidParam},
		{name: "update Notice 100 bytes", setup: withRoom("r1"), command: "update_room_info", body: updateBody("r1", map[string]any{"Notice": long(100)}), want: 0},
		{name: "update RoomName 101 bytes", setup: withRoom("r1"), command: "update_room_info", body: updateBody("r1", map[string]any{"RoomName": long(101)}), want: livespec.CodeInvalidParam},
		{name: "update CoverURL 201 bytes", setup: withRoom("r1"), command: "update_room_info", body: updateBody("r1", map[string]any{"CoverURL": long(201)}), want: livespec.CodeInvalidParam},
		{name: "update Category of 4", setup: withRoom("r1"), command: "update_room_info", body: updateBody("r1", map[string]any{"Category": []int{1, 2, 3, 4}}), want: livespec.CodeTooManyCategories},
		{name: "update TakeSeatMode unknown", setup: withRoom("r1"), command: "update_room_info", body: updateBody("r1", map[string]any{"TakeSeatMode": "free"}), want: livespec.CodeInvalidParam},
		{name: "update MaxMemberCount over the cap", setup: withRoom("r1"), command: "update_room_info", body: updateBody("r1", map[string]any{"MaxMemberCount": 1001}), want: livespec.CodeOverPackageLimit},
		{name: "update sensitive Notice", opts: Options{SensitiveWords: []string{"casino"}}, setup: withRoom("r1"), command: "update_room_info",
			body: updateBody("r1", map[string]any{"Notice": "visit our Casino"}), want: livespec.CodeSensitiveContent},
		{name: "update sensitive RoomName", opts: Options{SensitiveWords: []string{"casino"}}, setup: withRoom("r1"), command: "update_room_info",
			body: updateBody("r1", map[string]any{"RoomName": "casino"}), want: livespec.CodeSensitiveContent},
		{name: "update valid fields with one invalid changes nothing", setup: withRoom("r1"), command: "update_room_info",
			body: updateBody("r1", map[string]any{"RoomName": "new", "Category": []int{1, 2, 3, 4}}), want: livespec.CodeTooManyCategories},

		// get_room_list.
		{name: "list ok", setup: withRoom("r1"), command: "get_room_list", body: map[string]any{"Next": "", "Count": 20}, want: 0},
		{name: "list negative Count", command: "get_room_list", body: map[string]any{"Next": "", "Count": -1}, want: livespec.CodeInvalidParam},
		{name: "list forged Next", command: "get_room_list", body: map[string]any{"Next": "1693271355", "Count": 20}, want: livespec.CodeInvalidParam},
		{name: "list Next not a string", command: "get_room_list", body: map[string]any{"Next": 3, "Count": 20}, want: livespec.CodeInvalidParam},

		// Room metadata.
		{name: "metadata set ok", setup: withRoom("r1"), command: "set_room_metadata", body: map[string]any{"RoomId": "r1", "Metadata": metadataItems(10, 10, "k")}, want: 0},
		{name: "metadata set on unknown room", command: "set_room_metadata", body: map[string]any{"RoomId": "r1", "Metadata": metadataItems(1, 1, "k")}, want: livespec.CodeRoomNotFound},
		{name: "metadata set without items", setup: withRoom("r1"), command: "set_room_metadata", body: map[string]any{"RoomId": "r1"}, want: livespec.CodeInvalidParam},
		{name: "metadata 11 keys", setup: withRoom("r1"), command: "set_room_metadata", body: map[string]any{"RoomId": "r1", "Metadata": metadataItems(11, 1, "k")}, want: livespec.CodeMetadataTooManyKeys},
		{name: "metadata 11th key in a second call", setup: func(h *harness) {
			h.createRoom("r1", nil)
			h.call("set_room_metadata", map[string]any{"RoomId": "r1", "Metadata": metadataItems(10, 1, "a")}).mustOK(h.t)
		}, command: "set_room_metadata", body: map[string]any{"RoomId": "r1", "Metadata": metadataItems(1, 1, "b")}, want: livespec.CodeMetadataTooManyKeys},
		{name: "metadata value 2049 bytes", setup: withRoom("r1"), command: "set_room_metadata", body: map[string]any{"RoomId": "r1", "Metadata": metadataItems(1, 2049, "k")}, want: livespec.CodeMetadataValueLarge},
		{name: "metadata values 16 KiB in total", setup: withRoom("r1"), command: "set_room_metadata", body: map[string]any{"RoomId": "r1", "Metadata": metadataItems(8, 2048, "k")}, want: 0},
		{name: "metadata values over 16 KiB in total", setup: withRoom("r1"), command: "set_room_metadata", body: map[string]any{"RoomId": "r1", "Metadata": metadataItems(9, 2048, "k")}, want: livespec.CodeMetadataTotalLarge},
		{name: "metadata key 51 bytes", setup: withRoom("r1"), command: "set_room_metadata",
			body: map[string]any{"RoomId": "r1", "Metadata": []map[string]string{{"Key": long(51), "Value": "v"}}}, want: livespec.CodeMetadataKeyLong},
		{name: "metadata key empty", setup: withRoom("r1"), command: "set_room_metadata",
			body: map[string]any{"RoomId": "r1", "Metadata": []map[string]string{{"Key": "", "Value": "v"}}}, want: livespec.CodeInvalidParam},
		{name: "metadata del of absent keys", setup: func(h *harness) {
			h.createRoom("r1", nil)
			h.call("set_room_metadata", map[string]any{"RoomId": "r1", "Metadata": metadataItems(1, 1, "a")}).mustOK(h.t)
		}, command: "del_room_metadata", body: map[string]any{"RoomId": "r1", "Keys": []string{"zz"}}, want: livespec.CodeMetadataNoSuchKeys},
		{name: "metadata del key 51 bytes", setup: withRoom("r1"), command: "del_room_metadata", body: map[string]any{"RoomId": "r1", "Keys": []string{long(51)}}, want: livespec.CodeMetadataKeyLong},
		{name: "metadata del without keys", setup: withRoom("r1"), command: "del_room_metadata", body: map[string]any{"RoomId": "r1"}, want: livespec.CodeInvalidParam},
		{name: "metadata del on unknown room", command: "del_room_metadata", body: map[string]any{"RoomId": "r1", "Keys": []string{"a"}}, want: livespec.CodeRoomNotFound},
		{name: "metadata get on unknown room", command: "get_room_metadata", body: map[string]any{"RoomId": "r1"}, want: livespec.CodeRoomNotFound},
		{name: "metadata get Keys not strings", setup: withRoom("r1"), command: "get_room_metadata", body: map[string]any{"RoomId": "r1", "Keys": []int{1}}, want: livespec.CodeInvalidParam},

		// Admins.
		{name: "admin add ok", setup: withImportedRoom("r1", "alice"), command: "modify_admin",
			body: adminBody("r1", "add", "alice"), want: 0,
			check: func(t *testing.T, h *harness, _ envelope) {
				if got := h.s.Rooms()[0].Admins; len(got) != 1 || got[0] != "alice" {
					t.Fatalf("admins %v", got)
				}
			}},
		{name: "admin add on unknown room", setup: withImportedRoom("r1", "alice"), command: "modify_admin", body: adminBody("r2", "add", "alice"), want: livespec.CodeRoomNotFound},
		{name: "admin add without accounts", setup: withImportedRoom("r1", "alice"), command: "modify_admin", body: map[string]any{"RoomId": "r1", "OpType": "add"}, want: livespec.CodeInvalidParam},
		{name: "admin add of an empty list", setup: withImportedRoom("r1", "alice"), command: "modify_admin", body: adminBody("r1", "add"), want: livespec.CodeInvalidParam},
		{name: "admin account a number", setup: withImportedRoom("r1", "alice"), command: "modify_admin",
			body: map[string]any{"RoomId": "r1", "OpType": "add", "Admin_Account": []any{"alice", 7}}, want: livespec.CodeAccountNotString},
		{name: "admin account 33 bytes", setup: withImportedRoom("r1", "alice"), command: "modify_admin", body: adminBody("r1", "add", long(33)), want: livespec.CodeInvalidParam},
		{name: "admin 101 accounts", setup: withImportedRoom("r1", "alice"), command: "modify_admin", body: adminBody("r1", "delete", make([]string, 101)...), want: livespec.CodeInvalidParam},
		{name: "admin OpType missing", setup: withImportedRoom("r1", "alice"), command: "modify_admin", body: map[string]any{"RoomId": "r1", "Admin_Account": []string{"alice"}}, want: livespec.CodeInvalidParam},
		{name: "admin OpType unknown", setup: withImportedRoom("r1", "alice"), command: "modify_admin", body: adminBody("r1", "Add", "alice"), want: livespec.CodeInvalidParam},
		{name: "admin not imported", setup: withImportedRoom("r1", "alice"), command: "modify_admin", body: adminBody("r1", "add", "alice", "ghost"), want: livespec.CodeAccountNotImported},
		{name: "admin is the owner", setup: withImportedRoom("r1", "alice"), command: "modify_admin", body: adminBody("r1", "add", DefaultAdmin), want: livespec.CodeInvalidParam},
		{name: "admins over the cap in one call", opts: Options{AdminCap: 2}, setup: withImportedRoom("r1", "a", "b", "c"), command: "modify_admin",
			body: adminBody("r1", "add", "a", "b", "c"), want: livespec.CodeTooManyAdmins},
		{name: "admins at the cap, repeats not counted", opts: Options{AdminCap: 2}, setup: withImportedRoom("r1", "a", "b"), command: "modify_admin",
			body: adminBody("r1", "add", "a", "b", "a"), want: 0},
		{name: "admins over the cap in a second call", opts: Options{AdminCap: 2}, setup: func(h *harness) {
			withImportedRoom("r1", "a", "b", "c")(h)
			h.call("modify_admin", adminBody("r1", "add", "a", "b")).mustOK(h.t)
		}, command: "modify_admin", body: adminBody("r1", "add", "c"), want: livespec.CodeTooManyAdmins},
		{name: "admins over the default cap of 10", setup: func(h *harness) {
			ids := []string{"a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9", "a10"}
			withImportedRoom("r1", ids...)(h)
			h.call("modify_admin", adminBody("r1", "add", ids[:10]...)).mustOK(h.t)
		}, command: "modify_admin", body: adminBody("r1", "add", "a10"), want: livespec.CodeTooManyAdmins},
		{name: "admin delete of a non-admin", setup: withImportedRoom("r1", "alice"), command: "modify_admin", body: adminBody("r1", "delete", "alice"), want: 0},
		{name: "admin delete on unknown room", command: "modify_admin", body: adminBody("r1", "delete", "alice"), want: livespec.CodeRoomNotFound},
		{name: "admin list on unknown room", command: "get_admin_list", body: map[string]any{"RoomId": "r1"}, want: livespec.CodeRoomNotFound},
		{name: "admin list without RoomId", command: "get_admin_list", body: "{}", want: livespec.CodeInvalidParam},

		// Robots.
		{name: "robot add ok", setup: withImportedRoom("r1", "obs"), command: "add_robot", body: robotBody("r1", "obs"), want: 0,
			check: func(t *testing.T, h *harness, _ envelope) {
				if got := h.s.Rooms()[0].Robots; len(got) != 1 || got[0] != "obs" {
					t.Fatalf("robots %v", got)
				}
			}},
		{name: "robot add on unknown room", setup: withImportedRoom("r1", "obs"), command: "add_robot", body: robotBody("r2", "obs"), want: livespec.CodeRoomNotFound},
		{name: "robot not imported", setup: withImportedRoom("r1", "obs"), command: "add_robot", body: robotBody("r1", "obs", "ghost"), want: livespec.CodeAccountNotImported},
		{name: "robot add without accounts", setup: withImportedRoom("r1", "obs"), command: "add_robot", body: map[string]any{"RoomId": "r1"}, want: livespec.CodeInvalidParam},
		{name: "robot account a number", setup: withImportedRoom("r1", "obs"), command: "add_robot",
			body: map[string]any{"RoomId": "r1", "RobotList_Account": []any{1}}, want: livespec.CodeAccountNotString},
		{name: "robot RoomId 49 bytes", setup: withImportedRoom("r1", "obs"), command: "add_robot", body: robotBody(long(49), "obs"), want: livespec.CodeInvalidParam},
		{name: "robot get on unknown room", command: "get_robot", body: map[string]any{"RoomId": "r1"}, want: livespec.CodeRoomNotFound},
		{name: "robot del on unknown room", command: "del_robot", body: robotBody("r1", "obs"), want: livespec.CodeRoomNotFound},
		{name: "robot del without accounts", setup: withImportedRoom("r1", "obs"), command: "del_robot", body: map[string]any{"RoomId": "r1", "RobotList_Account": []string{}}, want: livespec.CodeInvalidParam},
		{name: "robot del of a non-robot", setup: withImportedRoom("r1", "obs"), command: "del_robot", body: robotBody("r1", "obs"), want: 0},

		// Accounts.
		{name: "import ok", command: "account_import", body: map[string]any{"UserID": "alice", "Nick": "Alice"}, want: 0},
		{name: "import without UserID", command: "account_import", body: map[string]any{"Nick": "Alice"}, want: livespec.CodeAccountInvalidParam},
		{name: "import UserID a number", command: "account_import", body: map[string]any{"UserID": 42}, want: livespec.CodeAccountNotString},
		{name: "import UserID 33 bytes", command: "account_import", body: map[string]any{"UserID": long(33)}, want: livespec.CodeAccountInvalidParam},
		{name: "import Nick 501 bytes", command: "account_import", body: map[string]any{"UserID": "alice", "Nick": long(501)}, want: livespec.CodeProfileTooLong},
		{name: "import Nick not a string", command: "account_import", body: map[string]any{"UserID": "alice", "Nick": 1}, want: livespec.CodeAccountInvalidParam},
		{name: "multi import 101 accounts", command: "multiaccount_import", body: map[string]any{"Accounts": make([]string, 101)}, want: livespec.CodeAccountInvalidParam},
		{name: "multi import without a list", command: "multiaccount_import", body: "{}", want: livespec.CodeAccountInvalidParam},
		{name: "multi import a number", command: "multiaccount_import", body: map[string]any{"Accounts": []any{"a", 2}}, want: livespec.CodeAccountNotString},
		{name: "multi import new form UserID a number", command: "multiaccount_import", body: map[string]any{"AccountList": []any{map[string]any{"UserID": 2}}}, want: livespec.CodeAccountNotString},
		{name: "check without items", command: "account_check", body: map[string]any{"CheckItem": []any{}}, want: livespec.CodeAccountInvalidParam},
		{name: "check UserID a number", command: "account_check", body: map[string]any{"CheckItem": []any{map[string]any{"UserID": 1}}}, want: livespec.CodeAccountNotString},
		{name: "delete disabled", opts: Options{AccountDeleteDisabled: true}, setup: func(h *harness) { h.importAccount("alice") },
			command: "account_delete", body: map[string]any{"DeleteItem": []any{map[string]any{"UserID": "alice"}}}, want: 60017},
		{name: "delete 101 items", setup: func(h *harness) { h.importAccount("alice") }, command: "account_delete",
			body: map[string]any{"DeleteItem": make([]map[string]string, 101)}, want: livespec.CodeAccountInvalidParam},
	}

	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h := newHarness(t, c.opts)
			if c.setup != nil {
				c.setup(h)
			}
			method, path, query := http.MethodPost, c.path, validQuery
			if c.method != "" {
				method = c.method
			}
			if path == "" {
				path = servicePath(c.command)
			}
			if c.query != nil {
				query = c.query
			}
			q := query(h)
			before := h.world()
			env := h.do(method, path, q, c.body)
			env.mustCode(t, c.want)
			if !strings.HasPrefix(env.RequestID, "Id-") {
				t.Errorf("RequestId %q", env.RequestID)
			}
			if c.want != 0 {
				h.mustUnchanged(before)
				if _, ok := env.Fields["Response"]; ok {
					t.Errorf("failure carries a Response: %s", env.Response)
				}
				if env.ErrorInfo == "" {
					t.Error("failure without ErrorInfo")
				}
				if _, ok := livespec.Codes[c.want]; !ok {
					t.Errorf("code %d is not in the shared table", c.want)
				}
			}
			if c.check != nil {
				c.check(t, h, env)
			}
		})
	}
}

// TestOfficialLibrarySigsAccepted proves the emulator and the official library agree, both ways.
func TestOfficialLibrarySigsAccepted(t *testing.T) {
	h := newHarness(t, Options{Now: time.Now})
	sig := officialSig(t, DefaultAdmin)
	h.do(http.MethodPost, servicePath("get_room_list"), authQuery(DefaultSDKAppID, DefaultAdmin, sig), "{}").mustOK(t)
	// The query value must be URL-encoded; the sig alphabet survives either way.
	raw := "sdkappid=1400000000&identifier=administrator&usersig=" + url.QueryEscape(sig) + "&random=1&contenttype=json"
	h.do(http.MethodPost, servicePath("get_room_list"), raw, "{}").mustOK(t)
	if err := verifyWithLibrary(h.s.UserSig(DefaultAdmin)); err != nil {
		t.Fatalf("the library rejects the emulator's own sig: %v", err)
	}
}
