package tfkit

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
)

// diagText joins the details of the error diagnostics, "" when there are none.
func diagText(diags diag.Diagnostics) string {
	var parts []string
	for _, d := range diags.Errors() {
		parts = append(parts, d.Detail())
	}
	return strings.Join(parts, "\n")
}

func validateString(v validator.String, name string, value types.String) string {
	resp := &validator.StringResponse{}
	v.ValidateString(context.Background(), validator.StringRequest{Path: path.Root(name), ConfigValue: value}, resp)
	return diagText(resp.Diagnostics)
}

func TestStringValidators(t *testing.T) {
	roomID := ByteLength{Min: 1, Max: livespec.MaxRoomIDBytes, Code: livespec.CodeInvalidParam}
	notice := ByteLength{Min: 0, Max: livespec.MaxNoticeBytes, Code: livespec.CodeInvalidParam}
	templates := OneOf{Values: livespec.SeatTemplateNames(), Code: livespec.CodeInvalidParam}
	cases := []struct {
		name  string
		v     validator.String
		attr  string
		value types.String
		want  string // "" = valid
	}{
		{"room_id at the limit", roomID, "room_id", types.StringValue(strings.Repeat("a", 48)), ""},
		{"room_id over the limit", roomID, "room_id", types.StringValue(strings.Repeat("a", 49)),
			"room_id is 49 bytes; the vendor allows at most 48 bytes (it would answer 100002)."},
		{"room_id empty", roomID, "room_id", types.StringValue(""),
			"room_id is empty; the vendor requires at least 1 byte (it would answer 100002)."},
		{"bytes, not characters", notice, "notice", types.StringValue(strings.Repeat("公", 34)),
			"notice is 102 bytes; the vendor allows at most 100 bytes (it would answer 100002)."},
		{"33 CJK characters fit", notice, "notice", types.StringValue(strings.Repeat("公", 33)), ""},
		{"empty notice is fine", notice, "notice", types.StringValue(""), ""},
		{"null is not checked", roomID, "room_id", types.StringNull(), ""},
		{"unknown is not checked", roomID, "room_id", types.StringUnknown(), ""},
		{"printable ASCII", PrintableASCII{}, "room_id", types.StringValue("live-001 ~!"), ""},
		{"tab refused", PrintableASCII{}, "room_id", types.StringValue("a\tb"),
			"room_id has a byte outside printable ASCII (0x09 at byte 1); the client SDKs accept only 0x20-0x7E in a room ID (they would answer -2105), so nobody could join the room."},
		{"non-ASCII refused", PrintableASCII{}, "room_id", types.StringValue("直播"),
			"room_id has a byte outside printable ASCII (0xE7 at byte 0); the client SDKs accept only 0x20-0x7E in a room ID (they would answer -2105), so nobody could join the room."},
		{"DEL refused", PrintableASCII{}, "room_id", types.StringValue("a\x7f"),
			"room_id has a byte outside printable ASCII (0x7F at byte 1)"},
		{"known template", templates, "seat_template", types.StringValue("Karaoke"), ""},
		{"both landscape spellings", templates, "seat_template", types.StringValue(livespec.LandscapeSDK), ""},
		{"unknown template", templates, "seat_template", types.StringValue("Grid9"),
			`seat_template is "Grid9"; the vendor accepts one of VideoDynamicGrid9Seats, VideoDynamicFloat7Seats, VideoFixedGrid9Seats, VideoFixedFloat7Seats, VideoLandscape4Seat, VideoLandscape4Seats, AudioSalon, Karaoke (it would answer 100002).`},
		{"template case matters", templates, "seat_template", types.StringValue("karaoke"), `seat_template is "karaoke"`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := validateString(tc.v, tc.attr, tc.value)
			if tc.want == "" && got != "" {
				t.Fatalf("want valid, got %q", got)
			}
			if tc.want != "" && !strings.HasPrefix(got, tc.want) {
				t.Fatalf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestListAtMost(t *testing.T) {
	v := ListAtMost{Max: livespec.MaxCategories, Code: livespec.CodeTooManyCategories}
	list := func(n int) types.List {
		elems := make([]attr.Value, n)
		for i := range elems {
			elems[i] = types.Int64Value(int64(i))
		}
		return types.ListValueMust(types.Int64Type, elems)
	}
	cases := []struct {
		value types.List
		want  string
	}{
		{list(0), ""},
		{list(3), ""},
		{list(4), "category has 4 values; the vendor allows at most 3 (it would answer 100009)."},
		{types.ListNull(types.Int64Type), ""},
		{types.ListUnknown(types.Int64Type), ""},
	}
	for _, tc := range cases {
		resp := &validator.ListResponse{}
		v.ValidateList(context.Background(), validator.ListRequest{Path: path.Root("category"), ConfigValue: tc.value}, resp)
		if got := diagText(resp.Diagnostics); got != tc.want {
			t.Errorf("%v: got %q, want %q", tc.value, got, tc.want)
		}
	}
}

func TestInt64AtLeast(t *testing.T) {
	v := Int64AtLeast{Min: 1, Code: livespec.CodeInvalidParam}
	cases := []struct {
		value types.Int64
		want  string
	}{
		{types.Int64Value(1), ""},
		{types.Int64Value(0), "max_seat_count is 0; the vendor requires at least 1 (it would answer 100002)."},
		{types.Int64Value(-3), "max_seat_count is -3; the vendor requires at least 1 (it would answer 100002)."},
		{types.Int64Null(), ""},
		{types.Int64Unknown(), ""},
	}
	for _, tc := range cases {
		resp := &validator.Int64Response{}
		v.ValidateInt64(context.Background(), validator.Int64Request{Path: path.Root("max_seat_count"), ConfigValue: tc.value}, resp)
		if got := diagText(resp.Diagnostics); got != tc.want {
			t.Errorf("%v: got %q, want %q", tc.value, got, tc.want)
		}
	}
}

// FuzzByteLength checks the byte validator against its definition for any input: an error
// exactly when the UTF-8 length is out of range, and the message states the length.
func FuzzByteLength(f *testing.F) {
	for _, s := range []string{"", "a", strings.Repeat("x", 100), strings.Repeat("é", 50), "\x00\xff", "公司"} {
		f.Add(s)
	}
	v := ByteLength{Min: 1, Max: livespec.MaxRoomNameBytes, Code: livespec.CodeInvalidParam}
	f.Fuzz(func(t *testing.T, s string) {
		msg := v.Check("room_name", s)
		inRange := len(s) >= 1 && len(s) <= livespec.MaxRoomNameBytes
		if inRange != (msg == "") {
			t.Fatalf("len %d: message %q", len(s), msg)
		}
		if len(s) > livespec.MaxRoomNameBytes && !strings.HasPrefix(msg, fmt.Sprintf("room_name is %d bytes;", len(s))) {
			t.Fatalf("len %d: message %q does not state the length", len(s), msg)
		}
		if msg != "" && !strings.Contains(msg, "(it would answer 100002)") {
			t.Fatalf("message %q does not name the vendor code", msg)
		}
		if msg != "" && !utf8.ValidString(msg) {
			t.Fatalf("message is not valid UTF-8: %q", msg)
		}
	})
}
