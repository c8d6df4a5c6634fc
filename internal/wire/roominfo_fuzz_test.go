package wire

import (
	"encoding/json"
	"reflect"
	"testing"
)

// FuzzRoomInfoUnmarshalJSON feeds any bytes straight to RoomInfo's own decoder (FuzzDecodeEnvelope
// reaches it only inside a well-formed OK envelope): an error or a value, never a panic. A value
// it returns must survive encoding and decoding unchanged, so a room the provider reads and
// stores reads back the same (no endless diff from the TakeSeatMode and Owner_Account drift).
func FuzzRoomInfoUnmarshalJSON(f *testing.F) {
	for _, s := range []string{
		`{"RoomId":"r","TakeSeatMode":"ApplyToTake","Owner_Account":"alice","Category":[1,2]}`,
		`{"RoomId":"r","TakeSeatMode":1,"Owner_Account":144115212345678}`,
		`{"RoomId":"r","TakeSeatMode":7.5,"Owner_Account":-1e400}`,
		`{"RoomId":"r","TakeSeatMode":null,"Owner_Account":null,"Category":null}`,
		`{"RoomId":"r","Category":[],"MaxSeatCount":9223372036854775807,"CreateTime":-1}`,
		`{"roomid":"lower","takeseatmode":2,"owner_account":"x","RoomId":"upper"}`,
		`{"RoomId":"r","TakeSeatMode":true}`,
		`{"RoomId":"r","Owner_Account":{}}`,
		`{"RoomId":"\ud800","RoomName":"\xff"}`,
		`null`, `[]`, `"x"`, ``, `{`, `{"RoomId":1}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var direct RoomInfo
		_ = direct.UnmarshalJSON(data) // any bytes, even not JSON: no panic

		var r RoomInfo
		if err := json.Unmarshal(data, &r); err != nil {
			return
		}
		encoded, err := json.Marshal(r)
		if err != nil {
			t.Fatalf("decoded %q, then cannot encode it: %v", data, err)
		}
		var again RoomInfo
		if err := json.Unmarshal(encoded, &again); err != nil {
			t.Fatalf("decoded %q, encoded %s, which does not decode: %v", data, encoded, err)
		}
		if !reflect.DeepEqual(r, again) {
			t.Fatalf("round trip changed the room:\ninput   %q\nfirst   %+v\nencoded %s\nsecond  %+v", data, r, encoded, again)
		}
	})
}
