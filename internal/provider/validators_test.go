package provider

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
	roomID := byteLength{min: 1, max: livespec.MaxRoomIDBytes, code: livespec.CodeInvalidParam}
	notice := byteLength{min: 0, max: livespec.MaxNoticeBytes, code: livespec.CodeInvalidParam}
	templates := oneOf{values: livespec.SeatTemplateNames(), code: livespec.CodeInvalidParam}
	endpoint := settingValidator{env: EnvEndpoint, str: endpointCheck}
	region := settingValidator{env: EnvRegion, str: checkRegion}
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
		{"printable ASCII", printableASCII{}, "room_id", types.StringValue("live-001 ~!"), ""},
		{"tab refused", printableASCII{}, "room_id", types.StringValue("a\tb"),
			"room_id has a byte outside printable ASCII (0x09 at byte 1); the client SDKs accept only 0x20-0x7E in a room ID (they would answer -2105), so nobody could join the room."},
		{"non-ASCII refused", printableASCII{}, "room_id", types.StringValue("直播"),
			"room_id has a byte outside printable ASCII (0xE7 at byte 0); the client SDKs accept only 0x20-0x7E in a room ID (they would answer -2105), so nobody could join the room."},
		{"DEL refused", printableASCII{}, "room_id", types.StringValue("a\x7f"),
			"room_id has a byte outside printable ASCII (0x7F at byte 1)"},
		{"known template", templates, "seat_template", types.StringValue("Karaoke"), ""},
		{"both landscape spellings", templates, "seat_template", types.StringValue(livespec.LandscapeSDK), ""},
		{"unknown template", templates, "seat_template", types.StringValue("Grid9"),
			`seat_template is "Grid9"; the vendor accepts one of VideoDynamicGrid9Seats, VideoDynamicFloat7Seats, VideoFixedGrid9Seats, VideoFixedFloat7Seats, VideoLandscape4Seat, VideoLandscape4Seats, AudioSalon, Karaoke (it would answer 100002).`},
		{"template case matters", templates, "seat_template", types.StringValue("karaoke"), `seat_template is "karaoke"`},
		{"endpoint https", endpoint, "endpoint", types.StringValue("https://console.tim.qq.com"), ""},
		{"endpoint http loopback", endpoint, "endpoint", types.StringValue("http://127.0.0.1:8080"), ""},
		// Left to resolveConfig, which knows insecure_http_endpoint (TestResolveConfigPlainHTTP).
		{"endpoint http remote", endpoint, "endpoint", types.StringValue("http://example.com"), ""},
		{"region", region, "region", types.StringValue("usa"), ""},
		{"unknown region", region, "region", types.StringValue("mars"),
			`region (TENCENTLIVE_REGION) is "mars"; it must be one of china, frankfurt, jakarta, mumbai, seoul, singapore, tokyo, usa.`},
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
	v := listAtMost{max: livespec.MaxCategories, code: livespec.CodeTooManyCategories}
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
	v := int64AtLeast{min: 1, code: livespec.CodeInvalidParam}
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

func TestProviderNumberSettings(t *testing.T) {
	rate := settingValidator{env: EnvRequestsPerSecond, float: checkRate}
	for value, want := range map[float64]string{
		0.5: "", 200: "",
		0:     "requests_per_second (TENCENTLIVE_REQUESTS_PER_SECOND) is 0; it must be above 0 and at most 200, the documented per-command rate (60007 above it).",
		200.5: "requests_per_second (TENCENTLIVE_REQUESTS_PER_SECOND) is 200.5; it must be above 0 and at most 200, the documented per-command rate (60007 above it).",
	} {
		resp := &validator.Float64Response{}
		rate.ValidateFloat64(context.Background(), validator.Float64Request{
			Path: path.Root("requests_per_second"), ConfigValue: types.Float64Value(value)}, resp)
		if got := diagText(resp.Diagnostics); got != want {
			t.Errorf("requests_per_second %v: got %q, want %q", value, got, want)
		}
	}
	retries := settingValidator{env: EnvMaxRetries, int64: checkMaxRetries}
	for value, want := range map[int64]string{
		0: "", 20: "",
		21: "max_retries (TENCENTLIVE_MAX_RETRIES) is 21; it must be between 0 and 20.",
		-1: "max_retries (TENCENTLIVE_MAX_RETRIES) is -1; it must be between 0 and 20.",
	} {
		resp := &validator.Int64Response{}
		retries.ValidateInt64(context.Background(), validator.Int64Request{
			Path: path.Root("max_retries"), ConfigValue: types.Int64Value(value)}, resp)
		if got := diagText(resp.Diagnostics); got != want {
			t.Errorf("max_retries %v: got %q, want %q", value, got, want)
		}
	}
}

// FuzzByteLength checks the byte validator against its definition for any input: an error
// exactly when the UTF-8 length is out of range, and the message states the length.
func FuzzByteLength(f *testing.F) {
	for _, s := range []string{"", "a", strings.Repeat("x", 100), strings.Repeat("é", 50), "\x00\xff", "公司"} {
		f.Add(s)
	}
	v := byteLength{min: 1, max: livespec.MaxRoomNameBytes, code: livespec.CodeInvalidParam}
	f.Fuzz(func(t *testing.T, s string) {
		msg := v.check("room_name", s)
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
