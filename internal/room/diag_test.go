package room

import (
	"context"
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

func TestDescribeAPIError(t *testing.T) {
	err := fmt.Errorf("wrapped: %w", &wire.Error{Command: "update_room_info", Code: livespec.CodeSensitiveContent,
		Message: "Notice contains sensitive content", RequestID: "Id-abc-O-Seq-7"})
	detail, attribute := describeAPIError(tfkit.APIFailure{Summary: "Unable to create live room", RoomID: "r1",
		Blame: blameSent([]string{"notice", "max_member_count"})}, err)
	want := `Room "r1": update_room_info failed with 100026 (content contains sensitive words): Notice contains sensitive content.
RequestId: Id-abc-O-Seq-7
Attribute: notice

Change the wording of the named attribute.`
	if detail != want || attribute != "notice" {
		t.Fatalf("got (%q)\n%s\nwant notice\n%s", attribute, detail, want)
	}

	var diags diag.Diagnostics
	addAPIError(&diags, tfkit.APIFailure{Summary: "Unable to create live room", RoomID: "r1"},
		&wire.Error{Command: "create_room", Code: livespec.CodeAccountNotImported, Message: "Owner_Account has not been imported", RequestID: "Id-1"})
	d, ok := diags.Errors()[0].(diag.DiagnosticWithPath)
	if !ok || !d.Path().Equal(path.Root("owner_account")) || d.Summary() != "Unable to create live room" {
		t.Fatalf("70107 must be an error on owner_account: %#v", diags)
	}

	detail, attribute = describeAPIError(tfkit.APIFailure{RoomID: "r1", Timeout: "create"},
		fmt.Errorf("get_room_info: %w", context.DeadlineExceeded))
	if attribute != "" || detail != "Room \"r1\": get_room_info: context deadline exceeded\n\nThe create timeout ran out; raise timeouts.create if the service is slow." {
		t.Fatalf("deadline: %q", detail)
	}

	detail, _ = describeAPIError(tfkit.APIFailure{RoomID: "r1"}, &wire.Error{Command: "get_room_info", HTTPStatus: 502, Attempts: 9})
	if detail != `Room "r1": get_room_info failed: HTTP 502 Bad Gateway (9 attempts).` {
		t.Fatalf("http: %q", detail)
	}
}

func TestBlamedAttribute(t *testing.T) {
	cases := []struct {
		code    livespec.Code
		message string
		sent    []string
		want    string
	}{
		{livespec.CodeAccountNotImported, "", nil, "owner_account"},
		{livespec.CodeRoomIDTaken, "", nil, "room_id"},
		{livespec.CodeRoomIDIsChatGroup, "", nil, "room_id"},
		{livespec.CodeTooManyCategories, "", nil, "category"},
		{livespec.CodeSensitiveContent, "RoomName contains sensitive content", []string{"room_name", "notice"}, "room_name"},
		{livespec.CodeSensitiveContent, "Notice contains sensitive content", []string{"room_name", "notice"}, "notice"},
		{livespec.CodeSensitiveContent, "sensitive", []string{"notice", "max_member_count"}, "notice"},
		{livespec.CodeSensitiveContent, "sensitive", []string{"room_name", "notice"}, ""}, // cannot tell
		{livespec.CodeOverPackageLimit, "MaxSeatCount exceeds the package limit of 20", nil, "max_seat_count"},
		{livespec.CodeOverPackageLimit, "MaxMemberCount exceeds the package limit", nil, "max_member_count"},
		{livespec.CodeOverPackageLimit, "over limit", []string{"room_name", "max_member_count"}, "max_member_count"},
		{livespec.CodeInvalidParam, "TakeSeatMode must be FreeToTake or ApplyToTake", nil, "take_seat_mode"},
		{livespec.CodeInvalidParam, "RoomId exceeds 48 bytes", nil, "room_id"},
		{livespec.CodeInvalidParam, "bad request", []string{"room_name"}, ""},
		{livespec.CodeNoPackage, "no package", []string{"room_name"}, ""},
	}
	for _, tc := range cases {
		if got := blamedAttribute(tc.code, tc.message, tc.sent); got != tc.want {
			t.Errorf("%d %q %v: got %q, want %q", tc.code, tc.message, tc.sent, got, tc.want)
		}
	}
}
