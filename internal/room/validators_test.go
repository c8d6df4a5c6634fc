package room

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
)

// The TRTC string room ID set, written out here independently of livespec: 89 characters.
func TestRoomIDCharsIsTheTRTCSet(t *testing.T) {
	const set = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 !#$%&()+-:;<=.>?@[]^_{}|~,"
	if len(set) != 89 {
		t.Fatalf("the test's own set has %d characters", len(set))
	}
	for c := 0; c < 256; c++ {
		resp := &validator.StringResponse{}
		roomIDChars{}.ValidateString(context.Background(), validator.StringRequest{
			Path: path.Root("room_id"), ConfigValue: types.StringValue("a" + string([]byte{byte(c)}) + "b")}, resp)
		if want := strings.IndexByte(set, byte(c)) >= 0; resp.Diagnostics.HasError() == want {
			t.Errorf("byte 0x%02X: refused = %v, want %v", c, resp.Diagnostics.HasError(), !want)
		}
	}
	resp := &validator.StringResponse{}
	roomIDChars{}.ValidateString(context.Background(), validator.StringRequest{
		Path: path.Root("room_id"), ConfigValue: types.StringValue("seminar/2026*")}, resp)
	want := `room_id "seminar/2026*" has characters outside TRTC's string room ID set: "/" at byte 7, "*" at byte 12. A room ID must contain only letters, digits, space and ! # $ % & ( ) + - : ; < = . > ? @ [ ] ^ _ { } | ~ , (the client SDKs join string room IDs only from these 89 characters and answer -2105 otherwise), so nobody could enter the room.`
	if !resp.Diagnostics.HasError() || resp.Diagnostics.Errors()[0].Detail() != want {
		t.Fatalf("got %v\nwant %s", resp.Diagnostics, want)
	}
}
