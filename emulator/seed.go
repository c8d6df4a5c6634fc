package emulator

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
)

// A seed file starts the emulator with accounts and rooms already there, as an application that
// made them before Terraform would have. It is a JSON object of sections, each a list of objects
// in the vendor's own field names:
//
//	{
//	  "accounts": [{"UserID": "host-alice", "Nick": "Alice", "FaceUrl": "https://…"}],
//	  "rooms": [{
//	    "RoomId": "lobby", "RoomName": "Lobby", "Owner_Account": "host-alice",   ← create_room's RoomInfo
//	    "Notice": "…",                                                           ← update_room_info
//	    "Metadata": {"theme": "dark"},                                           ← set_room_metadata
//	    "Admin_Account": ["mod-bob"], "RobotList_Account": ["bot-1"]             ← modify_admin, add_robot
//	  }]
//	}
//
// Every item goes through the command that makes it on the vendor's service, so a seed cannot
// hold what the API would refuse. A room that already exists (from -state) is left as it is, so
// a restart with the same seed and state file changes nothing. A new kind of data is one more
// entry in seedSections.

// seedSection is one top-level key of a seed file: a list of objects, each applied by apply.
type seedSection struct {
	key   string
	apply func(sd *seeder, item object, at seedPlace) error
}

// seedSections are applied in this order: accounts before the rooms that name them.
var seedSections = []seedSection{
	{key: "accounts", apply: (*seeder).account},
	{key: "rooms", apply: (*seeder).room},
}

// SeedSummary counts what ApplySeed created.
type SeedSummary struct {
	Accounts     int // imported (or refreshed)
	Rooms        int // created
	RoomsExisted int // already there (from the state file), left as they were
}

// ApplySeed loads a seed file's data (name is used in errors, which read "name:LINE: PATH: why").
// It stops at the first bad item; what came before it stays applied.
func (s *Server) ApplySeed(name string, data []byte) (SeedSummary, error) {
	lines, line, err := jsonLines(data)
	if err != nil {
		return SeedSummary{}, fmt.Errorf("%s:%d: not valid JSON: %w", name, line, err)
	}
	doc, ok := decodeObject(data)
	if !ok {
		return SeedSummary{}, fmt.Errorf("%s:%d: a seed file is a JSON object with the keys %s", name, lines[""], seedKeys())
	}
	for key := range doc {
		if !slices.ContainsFunc(seedSections, func(sec seedSection) bool { return sec.key == key }) {
			return SeedSummary{}, fmt.Errorf("%s:%d: %s: unknown key (a seed file has %s)", name, lines[key], key, seedKeys())
		}
	}
	sd := &seeder{s: s}
	for _, sec := range seedSections {
		raw, present := doc[sec.key]
		if !present {
			continue
		}
		var items []json.RawMessage
		if err := json.Unmarshal(raw, &items); err != nil || items == nil {
			return SeedSummary{}, fmt.Errorf("%s:%d: %s: must be a list of objects", name, lines[sec.key], sec.key)
		}
		for i, data := range items {
			at := seedPlace{file: name, path: fmt.Sprintf("%s[%d]", sec.key, i), lines: lines}
			item, ok := decodeObject(data)
			if !ok {
				return SeedSummary{}, at.errorf("", "must be an object")
			}
			if err := sec.apply(sd, item, at); err != nil {
				s.persistSoon()
				return sd.summary, err
			}
		}
	}
	s.persistSoon()
	return sd.summary, nil
}

// seeder applies one seed file and counts what it made.
type seeder struct {
	s       *Server
	summary SeedSummary
}

func seedKeys() string {
	keys := make([]string, len(seedSections))
	for i, sec := range seedSections {
		keys[i] = fmt.Sprintf("%q", sec.key)
	}
	return strings.Join(keys, ", ")
}

// seedPlace locates one item of a seed file, for errors that name its line and field.
type seedPlace struct {
	file  string
	path  string         // e.g. rooms[2]
	lines map[string]int // path (rooms[2].RoomName) -> line
}

func (at seedPlace) errorf(field, format string, args ...any) error {
	path := at.path
	if field != "" {
		path += "." + field
	}
	line, ok := at.lines[path]
	if !ok {
		line = at.lines[at.path]
	}
	return fmt.Errorf("%s:%d: %s: %s", at.file, line, path, fmt.Sprintf(format, args...))
}

// refused reports a command's refusal against the field it names (the item's line otherwise).
func (at seedPlace) refused(item object, command string, e *apiError) error {
	field := ""
	for key := range item {
		if strings.Contains(e.info, key) && len(key) > len(field) {
			field = key
		}
	}
	return at.errorf(field, "%s (%s answers %d)", e.info, command, e.code)
}

// checkKeys refuses keys the item cannot have: a misspelt field would otherwise be ignored, as
// the API ignores unknown fields.
func (at seedPlace) checkKeys(item object, known []string) error {
	for key := range item {
		if !slices.Contains(known, key) {
			return at.errorf(key, "unknown field (known: %s)", strings.Join(known, ", "))
		}
	}
	return nil
}

// run runs a command as the first App Admin, past the rate limits a script's requests would meet.
func (sd *seeder) run(command string, body object) *apiError {
	_, err := commands[command].run(sd.s, &call{identifier: sd.s.opts.Admins[0], body: body})
	return err
}

func rawJSON(v any) json.RawMessage {
	data, err := json.Marshal(v)
	if err != nil {
		panic(err) // only strings, lists and maps of them
	}
	return data
}

var accountFields = []string{"UserID", "Nick", "FaceUrl"}

func (sd *seeder) account(item object, at seedPlace) error {
	if err := at.checkKeys(item, accountFields); err != nil {
		return err
	}
	if e := sd.run("im_open_login_svc/account_import", item); e != nil {
		return at.refused(item, "account_import", e)
	}
	sd.summary.Accounts++
	return nil
}

// roomInfoFields are create_room's RoomInfo fields; the other keys of a seeded room are made by
// the command that sets them afterwards.
var roomInfoFields = []string{
	"RoomId", "RoomType", "RoomName", "Owner_Account", "SeatTemplate", "SeatLayoutTemplateId",
	"TakeSeatMode", "MaxSeatCount", "MaxMemberCount", "IsSeatEnabled", "IsMessageDisabled",
	"IsPublicVisible", "IsUnlimitedRoomEnabled", "KeepOwnerOnSeat", "CoverURL", "Category",
	"ActivityStatus",
}

var roomExtraFields = []string{"Notice", "Metadata", "Admin_Account", "RobotList_Account"}

func (sd *seeder) room(item object, at seedPlace) error {
	s := sd.s
	if err := at.checkKeys(item, append(slices.Clone(roomInfoFields), roomExtraFields...)); err != nil {
		return err
	}
	id, e := roomIDField(item)
	if e != nil {
		return at.refused(item, "create_room", e)
	}
	s.mu.Lock()
	_, exists := s.roomLocked(id, s.opts.Now())
	s.mu.Unlock()
	if exists {
		sd.summary.RoomsExisted++
		return nil
	}

	info := object{}
	for _, key := range roomInfoFields {
		if v, ok := item[key]; ok {
			info[key] = v
		}
	}
	if e := sd.run("live_engine_http_srv/create_room", object{"RoomInfo": rawJSON(info)}); e != nil {
		return at.refused(info, "create_room", e)
	}
	roomID := rawJSON(id)
	if notice, ok := item["Notice"]; ok {
		update := object{"RoomId": roomID, "Notice": notice}
		if e := sd.run("live_engine_http_srv/update_room_info", object{"RoomInfo": rawJSON(update)}); e != nil {
			return at.refused(object{"Notice": notice}, "update_room_info", e)
		}
	}
	if raw, ok := item["Metadata"]; ok {
		var metadata map[string]string
		if err := json.Unmarshal(raw, &metadata); err != nil {
			return at.errorf("Metadata", "must be an object of string values, e.g. {\"theme\": \"dark\"}")
		}
		keys := make([]string, 0, len(metadata))
		for k := range metadata {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		items := make([]metadataItem, len(keys))
		for i, k := range keys {
			items[i] = metadataItem{Key: k, Value: metadata[k]}
		}
		if e := sd.run("live_engine_http_srv/set_room_metadata", object{"RoomId": roomID, "Metadata": rawJSON(items)}); e != nil {
			return at.errorf("Metadata", "%s (set_room_metadata answers %d)", e.info, e.code)
		}
	}
	if admins, ok := item["Admin_Account"]; ok {
		body := object{"RoomId": roomID, "Admin_Account": admins, "OpType": rawJSON(opAdd)}
		if e := sd.run("live_engine_http_srv/modify_admin", body); e != nil {
			return at.errorf("Admin_Account", "%s (modify_admin answers %d)", e.info, e.code)
		}
	}
	if robots, ok := item["RobotList_Account"]; ok {
		body := object{"RoomId": roomID, "RobotList_Account": robots}
		if e := sd.run("live_engine_http_srv/add_robot", body); e != nil {
			return at.errorf("RobotList_Account", "%s (add_robot answers %d)", e.info, e.code)
		}
	}
	sd.summary.Rooms++
	return nil
}

// jsonLines maps each value's path in a JSON document ("" for the whole, "rooms[0].RoomName")
// to the 1-based line it is on. For a document that is not valid JSON it returns the line of the error.
func jsonLines(data []byte) (map[string]int, int, error) {
	lines := map[string]int{}
	dec := json.NewDecoder(bytes.NewReader(data))
	lineAt := func(offset int64) int { return 1 + bytes.Count(data[:offset], []byte("\n")) }
	var walk func(path string) error
	walk = func(path string) error {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		if _, ok := lines[path]; !ok {
			lines[path] = lineAt(dec.InputOffset())
		}
		switch tok {
		case json.Delim('{'):
			for dec.More() {
				key, err := dec.Token()
				if err != nil {
					return err
				}
				child := fmt.Sprint(key)
				if path != "" {
					child = path + "." + child
				}
				lines[child] = lineAt(dec.InputOffset())
				if err := walk(child); err != nil {
					return err
				}
			}
			_, err = dec.Token()
		case json.Delim('['):
			for i := 0; dec.More(); i++ {
				if err := walk(fmt.Sprintf("%s[%d]", path, i)); err != nil {
					return err
				}
			}
			_, err = dec.Token()
		}
		return err
	}
	err := walk("")
	var syntax *json.SyntaxError
	switch {
	case errors.As(err, &syntax):
		return nil, lineAt(syntax.Offset), err
	case err != nil:
		return nil, lineAt(dec.InputOffset()), err
	case dec.More():
		return nil, lineAt(dec.InputOffset()), errors.New("text after the top-level value")
	}
	return lines, 0, nil
}

// maxSeedBytes bounds a seed sent to POST /_emulator/seed.
const maxSeedBytes = 16 << 20

// serveSeed answers POST /_emulator/seed, whose body is a seed file: for an emulator that takes
// no arguments, as a CI service container. 200 with the SeedSummary, or 400 with the error.
func (s *Server) serveSeed(w http.ResponseWriter, r *http.Request) {
	data, err := io.ReadAll(io.LimitReader(r.Body, maxSeedBytes+1))
	if err != nil || len(data) > maxSeedBytes {
		http.Error(w, fmt.Sprintf("the body must be a seed file of at most %d bytes", maxSeedBytes), http.StatusBadRequest)
		return
	}
	sum, err := s.ApplySeed("seed", data)
	if err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	writeJSON(w, sum)
}
