package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The checks the TestReliability subtests rely on must catch what they claim to; these run
// without TF_ACC.

func TestReliabilityCompareRooms(t *testing.T) {
	spec := roomsSpec("p-", "v1")
	created := time.Unix(1_700_000_000, 0)
	agree := func() ([]Room, []stateRoom) {
		var emu []Room
		var state []stateRoom
		for i := 0; i < 3; i++ {
			id, name, notice := spec(i)
			emu = append(emu, Room{RoomID: id, RoomName: name, Notice: notice, OwnerAccount: "administrator",
				SeatTemplate: "VideoDynamicGrid9Seats", CreateTime: created})
			state = append(state, stateRoom{Address: fmt.Sprintf("tencentlive_room.r[%d]", i), ID: id, RoomID: id,
				RoomName: name, Notice: notice, OwnerAccount: "administrator", SeatTemplate: "VideoDynamicGrid9Seats",
				CreateTime: created.Unix()})
		}
		return emu, state
	}
	if emu, state := agree(); len(compareRooms(emu, state, 3, spec)) != 0 {
		t.Fatalf("agreeing sides reported: %q", compareRooms(emu, state, 3, spec))
	}
	breaks := map[string]struct {
		mutate func(emu *[]Room, state *[]stateRoom)
		want   string
	}{
		"orphan": {func(emu *[]Room, _ *[]stateRoom) { *emu = append(*emu, Room{RoomID: "p-0099"}) }, `orphan: room "p-0099"`},
		"missing in the emulator": {func(emu *[]Room, _ *[]stateRoom) { *emu = (*emu)[1:] },
			`room "p-0000" is in the state but not in the emulator`},
		"duplicate in the state": {func(_ *[]Room, state *[]stateRoom) { *state = append(*state, (*state)[0]) },
			`state holds room "p-0000" twice`},
		"stale field": {func(emu *[]Room, _ *[]stateRoom) { (*emu)[1].Notice = "old" }, `emulator has ("Room 1 v1", "old"`},
		"re-created behind the state's back": {func(emu *[]Room, _ *[]stateRoom) { (*emu)[2].CreateTime = created.Add(time.Hour) },
			"tencentlive_room.r[2]: emulator has"},
		"not what the configuration says": {func(_ *[]Room, state *[]stateRoom) { (*state)[0].RoomName = "Room 0 v0" },
			`state has room_name "Room 0 v0"`},
		"tainted": {func(_ *[]Room, state *[]stateRoom) { (*state)[1].Tainted = true }, "tencentlive_room.r[1] is tainted"},
		"at the wrong index": {func(_ *[]Room, state *[]stateRoom) { (*state)[0].Address = "tencentlive_room.r[7]" },
			`room "p-0000" is at tencentlive_room.r[7]`},
	}
	for name, b := range breaks {
		emu, state := agree()
		b.mutate(&emu, &state)
		if got := strings.Join(compareRooms(emu, state, 3, spec), "\n"); !strings.Contains(got, b.want) {
			t.Errorf("%s: problems %q lack %q", name, got, b.want)
		}
	}
}

func TestReliabilityParseStateRooms(t *testing.T) {
	data := []byte(`{"version":4,"resources":[
{"mode":"managed","type":"terraform_data","name":"x","instances":[{"attributes":{"id":"d"}}]},
{"mode":"managed","type":"tencentlive_room","name":"r","instances":[
 {"index_key":0,"attributes":{"id":"a","room_id":"a","room_name":"A","notice":"n","owner_account":"o","seat_template":"Karaoke","create_time":17}},
 {"index_key":1,"status":"tainted","attributes":{"id":"b","room_id":"b"}}]}]}`)
	rooms, err := parseStateRooms(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(rooms) != 2 || rooms[0].Address != "tencentlive_room.r[0]" || rooms[0].RoomName != "A" || rooms[0].CreateTime != 17 ||
		rooms[0].Tainted || !rooms[1].Tainted {
		t.Fatalf("rooms = %+v", rooms)
	}
}

func TestReliabilityDiagnostics(t *testing.T) {
	res := &Result{Step: Step{Name: "plan"},
		Stdout: "╷\n│ Warning: Live room no longer exists\n│ \n│ Room \"a\" was not found\n╵\nPlan: 1 to add\n",
		Stderr: "╷\n│ Error: Invalid room_id\n│ \n│   with tencentlive_room.bad,\n│ room_id is 49 bytes; the vendor allows at\n│ most 48 bytes.\n╵\n"}
	errs, warns := diagnostics(res)
	if strings.Join(errs, "|") != "Invalid room_id" || strings.Join(warns, "|") != "Live room no longer exists" {
		t.Fatalf("errors %q, warnings %q", errs, warns)
	}
	if !strings.Contains(normalized(res.Stderr), "room_id is 49 bytes; the vendor allows at most 48 bytes.") {
		t.Fatalf("normalized = %q", normalized(res.Stderr))
	}
}

func TestReliabilityCountAttempts(t *testing.T) {
	// Lines as the Terraform log holds them (fields in any order).
	lines := []string{
		`2026-11-25T19:40:41.056Z [DEBUG] provider.terraform-provider-tencentlive_v0.1.0: tencentlive API request failed: @module=tencentlive duration=2.7ms attempt=1 command=get_room_info error="get_room_info: 100004 room does not exist" code=100004`,
		`2026-11-25T19:40:41.131Z [DEBUG] provider.terraform-provider-tencentlive_v0.1.0: tencentlive API request failed: http_status=502 command=create_room code=0 attempt=1 error="create_room: HTTP 502 Bad Gateway"`,
		`2026-11-25T19:40:41.132Z [WARN]  provider.terraform-provider-tencentlive_v0.1.0: retrying tencentlive API request: @module=tencentlive command=create_room attempt=1 retry_in=85ms`,
		`2026-11-25T19:40:41.240Z [DEBUG] provider.terraform-provider-tencentlive_v0.1.0: tencentlive API request: attempt=2 command=create_room code=0 http_status=200`,
		`2026-11-25T19:40:41.300Z [DEBUG] provider.terraform-provider-tencentlive_v0.1.0: tencentlive API request: command=get_room_info attempt=1 code=0`,
		`2026-11-25T19:40:41.301Z [TRACE] provider.terraform-provider-tencentlive_v0.1.0: Served request: tf_rpc=ApplyResourceChange`,
	}
	path := filepath.Join(t.TempDir(), "log")
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := countAttempts(path)
	if err != nil {
		t.Fatal(err)
	}
	if c.Attempts != 4 || c.Failed != 2 || c.Retries != 1 || c.Calls() != 3 || c.Commands["create_room"] != 2 || c.Commands["get_room_info"] != 2 {
		t.Fatalf("counts = %+v", c)
	}
}

func TestReliabilityCreateRate(t *testing.T) {
	base := time.Unix(1_700_000_000, 0)
	var rooms []Room
	for _, ms := range []int{0, 100, 200, 900, 1000, 1050, 3000} { // 5 within [100ms, 1050ms]
		rooms = append(rooms, Room{CreateTime: base.Add(time.Duration(ms) * time.Millisecond)})
	}
	c := measureCreateRate(rooms)
	if c.Span != 3*time.Second || c.Peak1s != 5 || c.Mean != 2 {
		t.Fatalf("rate = %+v", c)
	}
}
