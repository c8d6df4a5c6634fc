package emulator

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestApplySeedMakesAccountsAndRooms(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "examples", "ci", "seed.json"))
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(Options{Now: newFakeClock().Now})
	if err != nil {
		t.Fatal(err)
	}
	sum, err := s.ApplySeed("seed.json", data)
	if err != nil {
		t.Fatal(err)
	}
	if want := (SeedSummary{Accounts: 3, Rooms: 1}); sum != want {
		t.Errorf("summary = %+v, want %+v", sum, want)
	}
	rooms := s.Rooms()
	if len(rooms) != 1 {
		t.Fatalf("rooms = %+v, want the lobby", rooms)
	}
	lobby := rooms[0]
	if lobby.RoomID != "ci-lobby" || lobby.OwnerAccount != "ci-host" || lobby.RoomName != "Lobby (made by the app)" ||
		lobby.Notice != "Welcome! Shows start at 20:00." || !reflect.DeepEqual(lobby.Category, []int64{1}) {
		t.Errorf("lobby = %+v", lobby)
	}
	if want := map[string]string{"theme": "dark", "schedule": `{"starts":"20:00"}`}; !reflect.DeepEqual(lobby.Metadata, want) {
		t.Errorf("metadata = %v, want %v", lobby.Metadata, want)
	}
	if !reflect.DeepEqual(lobby.Admins, []string{"ci-moderator"}) || !reflect.DeepEqual(lobby.Robots, []string{"ci-robot"}) {
		t.Errorf("admins %v, robots %v", lobby.Admins, lobby.Robots)
	}
	var ids []string
	for _, a := range s.Accounts() {
		ids = append(ids, a.UserID)
	}
	if want := []string{"administrator", "ci-host", "ci-moderator", "ci-robot"}; !reflect.DeepEqual(ids, want) {
		t.Errorf("accounts = %v, want %v", ids, want)
	}

	// Again, as after a restart with -state: the room stays as it is (here, renamed since).
	s.mu.Lock()
	s.rooms["ci-lobby"].RoomName = "renamed by Terraform"
	s.mu.Unlock()
	sum, err = s.ApplySeed("seed.json", data)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Rooms != 0 || sum.RoomsExisted != 1 || s.Rooms()[0].RoomName != "renamed by Terraform" {
		t.Errorf("second seed: %+v, room %+v", sum, s.Rooms()[0])
	}
}

// A bad seed file fails with the file, the line and the path of what is wrong, and why.
func TestApplySeedRefusesBadFiles(t *testing.T) {
	accounts := `{
  "accounts": [
    {"UserID": "host"}
  ],
  "rooms": [
    {
      "RoomId": "r1", "RoomType": "Live", "SeatTemplate": "AudioSalon",
      "Owner_Account": "host",
`
	for _, tc := range []struct{ name, data, want string }{
		{"not JSON", "{\n  \"rooms\": [\n    {,\n  ]\n}", `seed.json:3: not valid JSON`},
		{"not an object", `[]`, `seed.json:1: a seed file is a JSON object with the keys "accounts", "rooms"`},
		{"unknown section", "{\n  \"accounts\": [],\n  \"room\": []\n}", `seed.json:3: room: unknown key`},
		{"section not a list", "{\n  \"rooms\": {}\n}", `seed.json:2: rooms: must be a list of objects`},
		{"item not an object", "{\n  \"accounts\": [\n    \"host\"\n  ]\n}", `seed.json:3: accounts[0]: must be an object`},
		{"account without UserID", "{\n  \"accounts\": [\n    {\"Nick\": \"x\"}\n  ]\n}", `seed.json:3: accounts[0]: UserID is required (account_import answers 70402)`},
		{"misspelt field", accounts + `      "RoomNmae": "x"` + "\n    }\n  ]\n}", `seed.json:9: rooms[0].RoomNmae: unknown field`},
		{"room name too long", accounts + `      "RoomName": "` + strings.Repeat("x", 101) + "\"\n    }\n  ]\n}", `seed.json:9: rooms[0].RoomName: RoomName exceeds 100 bytes (create_room answers 100002)`},
		{"owner not imported", strings.Replace(accounts, `"Owner_Account": "host"`, `"Owner_Account": "nobody"`, 1) + `      "RoomName": "x"` + "\n    }\n  ]\n}", `seed.json:8: rooms[0].Owner_Account: Owner_Account has not been imported`},
		{"metadata not strings", accounts + `      "Metadata": {"n": 1}` + "\n    }\n  ]\n}", `seed.json:9: rooms[0].Metadata: must be an object of string values`},
		{"robot not imported", accounts + `      "RobotList_Account": ["ghost"]` + "\n    }\n  ]\n}", `seed.json:9: rooms[0].RobotList_Account:`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := New(Options{Now: newFakeClock().Now})
			if err != nil {
				t.Fatal(err)
			}
			_, err = s.ApplySeed("seed.json", []byte(tc.data))
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Fatalf("error = %v, want it to contain %q", err, tc.want)
			}
		})
	}
}

// POST /_emulator/seed applies a seed to a running emulator (a service container takes no
// arguments); a bad one is answered 400 with the line and the field.
func TestSeedEndpoint(t *testing.T) {
	s, err := New(Options{Now: newFakeClock().Now})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(s)
	defer srv.Close()
	data, err := os.ReadFile(filepath.Join("..", "examples", "ci", "seed.json"))
	if err != nil {
		t.Fatal(err)
	}
	resp, err := http.Post(srv.URL+"/_emulator/seed", "application/json", bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || !strings.Contains(string(body), `"Rooms": 1`) {
		t.Fatalf("seed: %s %s", resp.Status, body)
	}
	if rooms := s.Rooms(); len(rooms) != 1 || rooms[0].RoomID != "ci-lobby" {
		t.Errorf("rooms = %+v", rooms)
	}

	resp, err = http.Post(srv.URL+"/_emulator/seed", "application/json", strings.NewReader("{\n\"rooms\": [{\"RoomId\": 7}]}"))
	if err != nil {
		t.Fatal(err)
	}
	body, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusBadRequest || !strings.Contains(string(body), "seed:2: rooms[0].RoomId: RoomId must be a string") {
		t.Errorf("bad seed: %s %s", resp.Status, body)
	}
}
