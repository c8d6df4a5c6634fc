package emulator

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestStateSurvivesRestart(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "state.json")
	clock := newFakeClock()
	opts := Options{StatePath: path, SecretKey: "a-custom-secret-key", Now: clock.Now}
	h := newHarness(t, opts)
	h.importAccount("alice")
	h.call("account_import", map[string]any{"UserID": "bob", "Nick": "Bob"}).mustOK(t)
	h.createRoom("r1", map[string]any{"Owner_Account": "alice", "Category": []int{4}, "RoomName": "Ünïcode"})
	h.createRoom("r2", map[string]any{"SeatTemplate": "AudioSalon", "MaxSeatCount": 12, "IsPublicVisible": false})
	h.call("update_room_info", updateBody("r2", map[string]any{"Notice": "hi"})).mustOK(t)
	h.call("set_room_metadata", map[string]any{"RoomId": "r1", "Metadata": metadataItems(2, 5, "k")}).mustOK(t)
	if err := h.s.SetViewCount("r1", 77); err != nil {
		t.Fatal(err)
	}
	before := h.world()
	if err := h.s.Close(); err != nil {
		t.Fatal(err)
	}

	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, secret := range []string{"a-custom-secret-key", h.s.UserSig(DefaultAdmin)} {
		if strings.Contains(string(data), secret) {
			t.Fatal("the state file holds a credential")
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("temporary files left behind: %v", entries)
	}

	again := newHarness(t, opts)
	if after := again.world(); !reflect.DeepEqual(before, after) {
		t.Fatalf("state after restart:\n got %+v\nwant %+v", after, before)
	}
	// The restarted emulator serves the old rooms.
	if got := rawString(t, again.roomInfo("r2")["Notice"]); got != "hi" {
		t.Fatalf("Notice after restart %q", got)
	}
	again.call("create_room", createBody("r1", map[string]any{"Owner_Account": "alice"})).mustCode(t, 100010)
}

// Changes are written in the background without waiting for Close.
func TestStateWrittenWithoutClose(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	h := newHarness(t, Options{StatePath: path})
	h.createRoom("r1", nil)
	deadline := time.Now().Add(10 * time.Second)
	for {
		data, _ := os.ReadFile(path)
		if strings.Contains(string(data), `"RoomId": "r1"`) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("state not written: %s", data)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func TestStateTTLAppliesAfterRestart(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	clock := newFakeClock()
	h := newHarness(t, Options{StatePath: path, Now: clock.Now, RoomTTL: time.Hour})
	h.createRoom("r1", nil)
	if err := h.s.Close(); err != nil {
		t.Fatal(err)
	}
	clock.Advance(2 * time.Hour)
	again := newHarness(t, Options{StatePath: path, Now: clock.Now, RoomTTL: time.Hour})
	if n := len(again.s.Rooms()); n != 0 {
		t.Fatalf("%d rooms outlived their TTL across a restart", n)
	}
}

func TestStateRefusesBadFiles(t *testing.T) {
	dir := t.TempDir()
	for name, content := range map[string]string{
		"corrupt":        "{not json",
		"future version": `{"Version": 99, "SDKAppID": 1400000000}`,
		"other app":      `{"Version": 1, "SDKAppID": 1400000001}`,
	} {
		path := filepath.Join(dir, strings.ReplaceAll(name, " ", "_"))
		if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		if _, err := New(Options{StatePath: path}); err == nil {
			t.Errorf("%s: New accepted the state file", name)
		}
	}
	if _, err := New(Options{StatePath: filepath.Join(dir, "missing-dir", "state.json")}); err == nil {
		t.Error("New accepted a state path it cannot write")
	}
}

func TestOptionsValidation(t *testing.T) {
	for name, o := range map[string]Options{
		"faults above 1":          {Faults: 1.5},
		"negative faults":         {Faults: -0.1},
		"qps below -1":            {QPS: -2},
		"negative latency":        {Latency: -time.Second},
		"negative TTL":            {RoomTTL: -time.Second},
		"negative seat cap":       {SeatCap: -1},
		"negative admin cap":      {AdminCap: -1},
		"negative empty-room TTL": {EmptyRoomTTL: -time.Second},
		"long admin":              {Admins: []string{strings.Repeat("a", 33)}},
		"empty admin":             {Admins: []string{""}},
	} {
		if _, err := New(o); err == nil {
			t.Errorf("%s: New accepted %+v", name, o)
		}
	}
}
