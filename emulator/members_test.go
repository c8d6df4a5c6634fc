package emulator

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
)

func (h *harness) mustEnter(roomID, userID string) {
	h.t.Helper()
	if err := h.s.Enter(roomID, userID); err != nil {
		h.t.Fatalf("Enter(%s, %s): %v", roomID, userID, err)
	}
}

func (h *harness) mustLeave(roomID, userID string) {
	h.t.Helper()
	if err := h.s.Leave(roomID, userID); err != nil {
		h.t.Fatalf("Leave(%s, %s): %v", roomID, userID, err)
	}
}

func (h *harness) exists(roomID string) bool {
	h.t.Helper()
	env := h.call("get_room_info", map[string]any{"RoomId": roomID})
	if env.ErrorCode == int(livespec.CodeRoomNotFound) {
		return false
	}
	env.mustOK(h.t)
	return true
}

// Auto-destroy rule 1: entered, then empty for the window, no robot: dismissed. Nobody
// entered, someone still inside, or a robot: kept.
func TestEmptyRoomRule(t *testing.T) {
	const window = 30 * time.Minute
	h := newHarness(t, Options{EmptyRoomTTL: window})
	for _, id := range []string{"emptied", "never-entered", "occupied", "robot"} {
		h.createRoom(id, nil)
	}
	h.importAccount("alice")
	h.importAccount("obs")
	h.call("add_robot", robotBody("robot", "obs")).mustOK(t)
	for _, id := range []string{"emptied", "occupied", "robot"} {
		h.mustEnter(id, "alice")
	}
	h.mustLeave("emptied", "alice")
	h.mustLeave("robot", "alice")

	h.clock.Advance(window - time.Second)
	if !h.exists("emptied") {
		t.Fatal("dismissed before the window ended")
	}
	h.clock.Advance(time.Second)
	if h.exists("emptied") {
		t.Fatal("an emptied room outlived the window")
	}
	h.clock.Advance(24 * time.Hour)
	for _, id := range []string{"never-entered", "occupied", "robot"} {
		if !h.exists(id) {
			t.Fatalf("room %s was dismissed", id)
		}
	}

	// Without its robot the room is no longer exempt: a fresh window starts at the deletion.
	h.call("del_robot", robotBody("robot", "obs")).mustOK(t)
	h.clock.Advance(window - time.Second)
	if !h.exists("robot") {
		t.Fatal("the window did not restart when the robot left")
	}
	h.clock.Advance(time.Second)
	if h.exists("robot") {
		t.Fatal("an emptied room without robots outlived the window")
	}
	// A dismissed room's ID is free again, and a new room starts never entered.
	h.createRoom("emptied", nil)
	h.clock.Advance(2 * window)
	if !h.exists("emptied") {
		t.Fatal("a re-created room inherited the old room's emptiness")
	}
}

func TestEmptyRoomRuleOffByDefault(t *testing.T) {
	h := newHarness(t, Options{})
	h.createRoom("r1", nil)
	h.importAccount("alice")
	h.mustEnter("r1", "alice")
	h.mustLeave("r1", "alice")
	h.clock.Advance(48 * time.Hour)
	if !h.exists("r1") {
		t.Fatal("dismissed with the rule off")
	}
}

func TestEnterCountsViewsAndChecksItsArguments(t *testing.T) {
	h := newHarness(t, Options{})
	h.createRoom("r1", nil)
	h.importAccount("alice")
	h.mustEnter("r1", "alice")
	h.mustEnter("r1", "alice") // already inside: not a new entry
	h.mustLeave("r1", "alice")
	h.mustEnter("r1", "alice") // a repeat entry counts
	if got := string(h.roomInfo("r1")["ViewCount"]); got != "2" {
		t.Fatalf("ViewCount %s after two entries", got)
	}
	if err := h.s.Enter("r2", "alice"); !errors.Is(err, ErrNoSuchRoom) {
		t.Fatalf("Enter into an unknown room: %v", err)
	}
	if err := h.s.Enter("r1", "ghost"); err == nil || !strings.Contains(err.Error(), "not been imported") {
		t.Fatalf("Enter of an account not imported: %v", err)
	}
	if err := h.s.Leave("r1", "bob"); err == nil {
		t.Fatal("Leave of a user not in the room succeeded")
	}
}

func TestMemberEndpoints(t *testing.T) {
	h := newHarness(t, Options{EmptyRoomTTL: time.Minute})
	h.createRoom("r1", nil)
	h.importAccount("alice")
	h.s.ResetStats()
	srv := httptest.NewServer(h.s)
	defer srv.Close()
	send := func(method, route, body string) int {
		req, err := http.NewRequest(method, srv.URL+"/_emulator/"+route, strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		resp, err := srv.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	for _, c := range []struct {
		method, route, body string
		want                int
	}{
		{http.MethodPost, "enter", `{"RoomId":"r1","UserID":"alice"}`, http.StatusNoContent},
		{http.MethodPost, "leave", `{"RoomId":"r1","UserID":"alice"}`, http.StatusNoContent},
		{http.MethodPost, "leave", `{"RoomId":"r1","UserID":"alice"}`, http.StatusBadRequest},
		{http.MethodPost, "enter", `{"RoomId":"r2","UserID":"alice"}`, http.StatusNotFound},
		{http.MethodPost, "enter", `{"RoomId":"r1"}`, http.StatusBadRequest},
		{http.MethodPost, "enter", `not json`, http.StatusBadRequest},
		{http.MethodGet, "enter", ``, http.StatusMethodNotAllowed},
	} {
		if got := send(c.method, c.route, c.body); got != c.want {
			t.Errorf("%s %s %s: HTTP %d, want %d", c.method, c.route, c.body, got, c.want)
		}
	}
	if st := h.s.Stats(); st.Total != 0 {
		t.Errorf("member moves were counted as API requests: %+v", st)
	}
	h.clock.Advance(time.Minute)
	if h.exists("r1") {
		t.Fatal("the room emptied through the endpoints outlived the window")
	}
}

// Who is inside and since when the room is empty survive a restart, so the rule still applies.
func TestEmptyRoomRuleAfterRestart(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	clock := newFakeClock()
	opts := Options{StatePath: path, Now: clock.Now, EmptyRoomTTL: time.Hour}
	h := newHarness(t, opts)
	h.createRoom("emptied", nil)
	h.createRoom("occupied", nil)
	h.importAccount("alice")
	h.mustEnter("emptied", "alice")
	h.mustLeave("emptied", "alice")
	h.mustEnter("occupied", "alice")
	if err := h.s.Close(); err != nil {
		t.Fatal(err)
	}
	clock.Advance(2 * time.Hour)
	again := newHarness(t, opts)
	rooms := again.s.Rooms()
	if len(rooms) != 1 || rooms[0].RoomID != "occupied" || len(rooms[0].Members) != 1 {
		t.Fatalf("after a restart: %+v", rooms)
	}
}
