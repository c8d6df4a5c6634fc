package emulator

import (
	"net/http/httptest"
	"reflect"
	"testing"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
)

func (h *harness) accountList(command, field, roomID string) []string {
	h.t.Helper()
	var resp map[string][]string
	env := h.call(command, map[string]any{"RoomId": roomID}).mustOK(h.t)
	env.decodeResponse(h.t, &resp)
	list, ok := resp[field]
	if !ok || list == nil {
		h.t.Fatalf("%s answers no %s list: %s", command, field, env.Response)
	}
	return list
}

func TestAdmins(t *testing.T) {
	h := newHarness(t, Options{})
	withImportedRoom("r1", "alice", "bob", "carol")(h)
	admins := func() []string { return h.accountList("get_admin_list", "Admin_Account", "r1") }
	if got := admins(); len(got) != 0 {
		t.Fatalf("a new room has admins %v", got)
	}
	h.call("modify_admin", adminBody("r1", "add", "bob", "alice")).mustOK(t)
	h.call("modify_admin", adminBody("r1", "add", "alice", "carol")).mustOK(t) // alice again: no change
	if got, want := admins(), []string{"bob", "alice", "carol"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("admins %v, want %v", got, want)
	}
	h.call("modify_admin", adminBody("r1", "delete", "alice", "nobody")).mustOK(t)
	if got, want := admins(), []string{"bob", "carol"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("after delete %v, want %v", got, want)
	}
	h.call("modify_admin", adminBody("r1", "delete", "bob", "carol")).mustOK(t)
	if got := admins(); len(got) != 0 || h.s.Rooms()[0].Admins != nil {
		t.Fatalf("after deleting all: %v", got)
	}
}

func TestRobots(t *testing.T) {
	h := newHarness(t, Options{})
	withImportedRoom("r1", "obs-1", "obs-2")(h)
	robots := func() []string { return h.accountList("get_robot", "RobotList_Account", "r1") }
	h.call("add_robot", robotBody("r1", "obs-1")).mustOK(t)
	h.call("add_robot", robotBody("r1", "obs-2", "obs-1")).mustOK(t)
	if got, want := robots(), []string{"obs-1", "obs-2"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("robots %v, want %v", got, want)
	}
	h.call("del_robot", robotBody("r1", "obs-1")).mustOK(t)
	if got, want := robots(), []string{"obs-2"}; !reflect.DeepEqual(got, want) {
		t.Fatalf("after delete %v, want %v", got, want)
	}
	// Destroying the room drops its robots with it: a new room of that ID starts without.
	h.call("destroy_room", map[string]any{"RoomId": "r1"}).mustOK(t)
	h.createRoom("r1", nil)
	if got := robots(); len(got) != 0 {
		t.Fatalf("a re-created room inherited robots %v", got)
	}
}

// The new commands go through the same fault injection as the others: a lost answer still
// applied the change, and repeating the request converges instead of failing.
func TestLostAnswersOfAdminAndRobotCommands(t *testing.T) {
	cases := []struct {
		command string
		body    map[string]any
		applied func(r Room) bool
	}{
		{"modify_admin", adminBody("r1", "add", "alice"), func(r Room) bool { return len(r.Admins) == 1 }},
		{"add_robot", robotBody("r1", "alice"), func(r Room) bool { return len(r.Robots) == 1 }},
	}
	for _, c := range cases {
		t.Run(c.command, func(t *testing.T) {
			h := newHarness(t, Options{})
			withImportedRoom("r1", "alice")(h)
			h.s.faults = newFaultInjector(1, seedFor(t, faultLostBadGateway))
			srv := httptest.NewServer(h.s)
			defer srv.Close()
			if outcome, _ := post(t, srv.Client(), srv.URL+servicePath(c.command)+"?"+h.query(DefaultAdmin), jsonText(c.body)); outcome != "502" {
				t.Fatalf("outcome %s, want 502", outcome)
			}
			if !c.applied(h.s.Rooms()[0]) {
				t.Fatal("the lost answer's change was not applied")
			}
			if k := h.s.Stats().FaultKinds; k["applied_then_http_502"] != 1 {
				t.Fatalf("fault kinds %v", k)
			}
			h.s.faults.setRate(0)
			h.call(c.command, c.body).mustOK(t)
			if !c.applied(h.s.Rooms()[0]) {
				t.Fatal("the retry changed the outcome")
			}
		})
	}
}

func TestRobotRatesAreDocumented(t *testing.T) {
	h := newHarness(t, Options{QPS: DocumentedQPS})
	withImportedRoom("r1", "obs")(h)
	for _, command := range []string{"add_robot", "del_robot"} {
		ok := 0
		for ; ok < 300; ok++ {
			if env := h.call(command, robotBody("r1", "obs")); env.ErrorCode != 0 {
				env.mustCode(t, livespec.CodeRateLimited)
				break
			}
		}
		if ok != 100 {
			t.Fatalf("%s allowed %d in one instant, want 100", command, ok)
		}
	}
}
