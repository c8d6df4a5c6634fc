package wire

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/tencentyun/tls-sig-api-v2-golang/tencentyun"

	"github.com/tencentlive/terraform-provider-tencentlive/emulator"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
)

// Room management beyond RoomInfo: metadata, admins, robots, the room modes, and UserSigs
// issued for application users. Against the emulator unless a test checks the exact bodies.

func newRoomForTest(t *testing.T, c *Client, roomID string, info RoomInfo, accounts ...string) {
	t.Helper()
	ctx := context.Background()
	for _, a := range accounts {
		if err := c.ImportAccount(ctx, Account{UserID: a}); err != nil {
			t.Fatal(err)
		}
	}
	info.RoomID = roomID
	if info.SeatTemplate == nil {
		info.SeatTemplate = ptr("VideoDynamicGrid9Seats")
	}
	if err := c.CreateRoom(ctx, info); err != nil {
		t.Fatal(err)
	}
}

func TestEmulatorRoomModes(t *testing.T) {
	c := newEmulatorClient(t, emulator.Options{}, realClockFake())
	ctx := context.Background()
	newRoomForTest(t, c, "modes", RoomInfo{IsUnlimitedRoomEnabled: ptr(true), KeepOwnerOnSeat: ptr(false)})
	info, err := c.GetRoomInfo(ctx, "modes")
	if err != nil {
		t.Fatal(err)
	}
	if deref(info.IsUnlimitedRoomEnabled) != true || deref(info.KeepOwnerOnSeat) != false {
		t.Fatalf("after create: unlimited %v, keep owner %v", deref(info.IsUnlimitedRoomEnabled), deref(info.KeepOwnerOnSeat))
	}
	if err := c.UpdateRoomInfo(ctx, RoomInfo{RoomID: "modes", IsUnlimitedRoomEnabled: ptr(false)}); err != nil {
		t.Fatal(err)
	}
	if info, err = c.GetRoomInfo(ctx, "modes"); err != nil || deref(info.IsUnlimitedRoomEnabled) != false {
		t.Fatalf("after update: %v %v", deref(info.IsUnlimitedRoomEnabled), err)
	}

	// Where get_room_info does not report them, they decode as "not reported" (nil), not false.
	quiet := newEmulatorClient(t, emulator.Options{OmitRoomModes: true}, realClockFake())
	newRoomForTest(t, quiet, "modes", RoomInfo{IsUnlimitedRoomEnabled: ptr(true)})
	if info, err = quiet.GetRoomInfo(ctx, "modes"); err != nil || info.IsUnlimitedRoomEnabled != nil || info.KeepOwnerOnSeat != nil {
		t.Fatalf("omitted modes decoded as %v / %v (%v)", deref(info.IsUnlimitedRoomEnabled), deref(info.KeepOwnerOnSeat), err)
	}
}

func TestEmulatorMetadata(t *testing.T) {
	c := newEmulatorClient(t, emulator.Options{}, realClockFake())
	ctx := context.Background()
	newRoomForTest(t, c, "meta", RoomInfo{})
	if err := c.SetRoomMetadata(ctx, "meta", map[string]string{"theme": "dark", "lang": "en"}); err != nil {
		t.Fatal(err)
	}
	if err := c.SetRoomMetadata(ctx, "meta", map[string]string{"theme": "light"}); err != nil { // upsert
		t.Fatal(err)
	}
	all, err := c.GetRoomMetadata(ctx, "meta")
	if err != nil || !reflect.DeepEqual(all, map[string]string{"theme": "light", "lang": "en"}) {
		t.Fatalf("all metadata %v (%v)", all, err)
	}
	some, err := c.GetRoomMetadata(ctx, "meta", "lang", "absent")
	if err != nil || !reflect.DeepEqual(some, map[string]string{"lang": "en"}) {
		t.Fatalf("named keys %v (%v)", some, err)
	}
	if err := c.DelRoomMetadata(ctx, "meta", []string{"lang"}); err != nil {
		t.Fatal(err)
	}
	if err := c.DelRoomMetadata(ctx, "meta", []string{"lang"}); CodeOf(err) != livespec.CodeMetadataNoSuchKeys {
		t.Fatalf("deleting an absent key: %v, want 100503", err)
	}
	if err := c.SetRoomMetadata(ctx, "meta", nil); err != nil {
		t.Fatalf("an empty set must send nothing: %v", err)
	}
	if err := c.DelRoomMetadata(ctx, "meta", nil); err != nil {
		t.Fatalf("an empty delete must send nothing: %v", err)
	}

	limits := []struct {
		name     string
		metadata map[string]string
		want     livespec.Code
	}{
		{"key too long", map[string]string{strings.Repeat("k", livespec.MaxMetadataKeyBytes+1): "v"}, livespec.CodeMetadataKeyLong},
		{"value too large", map[string]string{"big": strings.Repeat("v", livespec.MaxMetadataValueBytes+1)}, livespec.CodeMetadataValueLarge},
		{"too many keys with the app's own", manyKeys(livespec.MaxMetadataKeys, 1), livespec.CodeMetadataTooManyKeys}, // "theme" is there already
		{"total too large", manyKeys(livespec.MaxMetadataTotalBytes/livespec.MaxMetadataValueBytes+1, livespec.MaxMetadataValueBytes), livespec.CodeMetadataTotalLarge},
	}
	for _, l := range limits {
		if err := c.SetRoomMetadata(ctx, "meta", l.metadata); CodeOf(err) != l.want {
			t.Errorf("%s: %v, want %d", l.name, err, l.want)
		}
	}
	if _, err := c.GetRoomMetadata(ctx, "nowhere"); CodeOf(err) != livespec.CodeRoomNotFound {
		t.Errorf("metadata of a missing room: %v", err)
	}
}

func manyKeys(n, valueBytes int) map[string]string {
	out := make(map[string]string, n)
	for i := range n {
		out[fmt.Sprintf("k%02d", i)] = strings.Repeat("v", valueBytes)
	}
	return out
}

func TestEmulatorAdmins(t *testing.T) {
	c := newEmulatorClient(t, emulator.Options{AdminCap: 2}, realClockFake())
	ctx := context.Background()
	newRoomForTest(t, c, "adm", RoomInfo{}, "alice", "bob", "carol")
	if got, err := c.GetAdminList(ctx, "adm"); err != nil || len(got) != 0 {
		t.Fatalf("new room admins %v (%v)", got, err)
	}
	if err := c.AddAdmins(ctx, "adm", []string{"alice", "bob"}); err != nil {
		t.Fatal(err)
	}
	if err := c.AddAdmins(ctx, "adm", []string{"carol"}); CodeOf(err) != livespec.CodeTooManyAdmins {
		t.Fatalf("third admin over a cap of 2: %v, want 100020", err)
	}
	if err := c.AddAdmins(ctx, "adm", []string{"ghost"}); CodeOf(err) != livespec.CodeAccountNotImported {
		t.Fatalf("admin not imported: %v, want 70107", err)
	}
	if err := c.DeleteAdmins(ctx, "adm", []string{"alice", "nobody"}); err != nil {
		t.Fatal(err)
	}
	if got, err := c.GetAdminList(ctx, "adm"); err != nil || !reflect.DeepEqual(got, []string{"bob"}) {
		t.Fatalf("admins %v (%v), want [bob]", got, err)
	}
	if _, err := c.GetAdminList(ctx, "nowhere"); CodeOf(err) != livespec.CodeRoomNotFound {
		t.Fatalf("admins of a missing room: %v", err)
	}
}

func TestEmulatorRobots(t *testing.T) {
	c := newEmulatorClient(t, emulator.Options{}, realClockFake())
	ctx := context.Background()
	newRoomForTest(t, c, "bots", RoomInfo{KeepOwnerOnSeat: ptr(false)}, "obs-1", "obs-2")
	if err := c.AddRobots(ctx, "bots", []string{"obs-1", "obs-2"}); err != nil {
		t.Fatal(err)
	}
	if err := c.AddRobots(ctx, "bots", []string{"ghost"}); CodeOf(err) != livespec.CodeAccountNotImported {
		t.Fatalf("robot not imported: %v, want 70107", err)
	}
	if err := c.DeleteRobots(ctx, "bots", []string{"obs-1"}); err != nil {
		t.Fatal(err)
	}
	if got, err := c.GetRobots(ctx, "bots"); err != nil || !reflect.DeepEqual(got, []string{"obs-2"}) {
		t.Fatalf("robots %v (%v), want [obs-2]", got, err)
	}
	if err := c.AddRobots(ctx, "nowhere", []string{"obs-1"}); CodeOf(err) != livespec.CodeRoomNotFound {
		t.Fatalf("robot in a missing room: %v", err)
	}
}

// The bodies are the documented ones, and long account lists go in batches of 100.
func TestRoomAccountBodies(t *testing.T) {
	clock := newFakeClock()
	api := newFakeAPI(t, clock, alwaysOK)
	c := newTestClient(t, api, clock, nil)
	ctx := context.Background()
	if err := c.AddAdmins(ctx, "r1", []string{"a", "b"}); err != nil {
		t.Fatal(err)
	}
	if err := c.DeleteAdmins(ctx, "r1", []string{"a"}); err != nil {
		t.Fatal(err)
	}
	robots := make([]string, 150)
	for i := range robots {
		robots[i] = fmt.Sprintf("bot%03d", i)
	}
	if err := c.AddRobots(ctx, "r1", robots); err != nil {
		t.Fatal(err)
	}
	if err := c.DeleteRobots(ctx, "r1", nil); err != nil {
		t.Fatal(err)
	}
	if err := c.SetRoomMetadata(ctx, "r1", map[string]string{"b": "2", "a": "1"}); err != nil {
		t.Fatal(err)
	}
	reqs := api.Requests()
	if len(reqs) != 5 {
		t.Fatalf("%d requests, want 5 (an empty list sends nothing)", len(reqs))
	}
	jsonEqual(t, reqs[0].Body, `{"RoomId":"r1","Admin_Account":["a","b"],"OpType":"add"}`)
	jsonEqual(t, reqs[1].Body, `{"RoomId":"r1","Admin_Account":["a"],"OpType":"delete"}`)
	for i, want := range []int{100, 50} {
		if !strings.HasSuffix(reqs[2+i].Path, "/live_engine_http_srv/add_robot") || strings.Count(string(reqs[2+i].Body), `"bot`) != want {
			t.Errorf("add_robot batch %d: %s %d accounts, want %d", i, reqs[2+i].Path, strings.Count(string(reqs[2+i].Body), `"bot`), want)
		}
	}
	jsonEqual(t, reqs[4].Body, `{"RoomId":"r1","Metadata":[{"Key":"a","Value":"1"},{"Key":"b","Value":"2"}]}`)
}

// A null list in an answer (some services send null for "none") reads as no accounts.
func TestRoomAccountsNullList(t *testing.T) {
	clock := newFakeClock()
	api := newFakeAPI(t, clock, func(n int, _ recorded, w http.ResponseWriter, _ *http.Request) {
		writeOK(w, n, map[string]any{"Admin_Account": nil, "RobotList_Account": nil})
	})
	c := newTestClient(t, api, clock, nil)
	if got, err := c.GetAdminList(context.Background(), "r1"); err != nil || len(got) != 0 {
		t.Fatalf("admins %v (%v)", got, err)
	}
	if got, err := c.GetRobots(context.Background(), "r1"); err != nil || len(got) != 0 {
		t.Fatalf("robots %v (%v)", got, err)
	}
}

func TestIssueUserSig(t *testing.T) {
	c := newEmulatorClient(t, emulator.Options{Now: time.Now}, nil)
	before := time.Now()
	us, err := c.IssueUserSig("obs-robot", 2*time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	// The official library accepts it for that user, within the lifetime and not after.
	if err := tencentyun.VerifyUserSig(emulator.DefaultSDKAppID, emulator.DefaultSecretKey, "obs-robot", us.Sig, time.Now()); err != nil {
		t.Fatalf("the library refuses the sig: %v", err)
	}
	if err := tencentyun.VerifyUserSig(emulator.DefaultSDKAppID, emulator.DefaultSecretKey, "obs-robot", us.Sig, us.ExpiresAt.Add(time.Second)); err == nil {
		t.Fatal("the sig is still valid after ExpiresAt")
	}
	if err := tencentyun.VerifyUserSig(emulator.DefaultSDKAppID, emulator.DefaultSecretKey, "someone-else", us.Sig, time.Now()); err == nil {
		t.Fatal("the sig is valid for another user")
	}
	if lo, hi := before.Add(2*time.Hour-time.Second), time.Now().Add(2*time.Hour); us.ExpiresAt.Before(lo) || us.ExpiresAt.After(hi) {
		t.Fatalf("ExpiresAt %v outside [%v, %v]", us.ExpiresAt, lo, hi)
	}

	// A sig issued for the App Admin authenticates REST calls: the emulator verifies it in full.
	admin, err := c.IssueUserSig(emulator.DefaultAdmin, time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	q := fmt.Sprintf("sdkappid=%d&identifier=%s&usersig=%s&random=1&contenttype=json", emulator.DefaultSDKAppID, emulator.DefaultAdmin, url.QueryEscape(admin.Sig))
	resp, err := http.Post(c.cfg.BaseURL+"/v4/live_engine_http_srv/get_room_list?"+q, "application/json", strings.NewReader("{}"))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var env struct{ ErrorCode int }
	if err := json.NewDecoder(resp.Body).Decode(&env); err != nil || env.ErrorCode != 0 {
		t.Fatalf("the emulator refused the issued sig: code %d (%v)", env.ErrorCode, err)
	}

	for _, bad := range []struct {
		user     string
		lifetime time.Duration
	}{{"", time.Hour}, {strings.Repeat("u", 33), time.Hour}, {"u", 0}, {"u", MaxUserSigLifetime + time.Second}} {
		if _, err := c.IssueUserSig(bad.user, bad.lifetime); err == nil {
			t.Errorf("IssueUserSig(%q, %v) accepted", bad.user, bad.lifetime)
		} else if strings.Contains(err.Error(), emulator.DefaultSecretKey) {
			t.Errorf("error leaks the key: %v", err)
		}
	}
}
