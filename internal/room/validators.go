package room

import (
	"context"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/schema/validator"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
)

// roomIDChars accepts only TRTC's string room ID set (livespec.IsRoomIDChar): the REST API
// creates a room with another printable character, but no client can join it.
type roomIDChars struct{}

func (roomIDChars) Description(context.Context) string {
	return "must contain only letters, digits, space and " + strings.Join(strings.Split(livespec.RoomIDSymbols, ""), " ")
}
func (v roomIDChars) MarkdownDescription(ctx context.Context) string { return v.Description(ctx) }

func (v roomIDChars) ValidateString(ctx context.Context, req validator.StringRequest, resp *validator.StringResponse) {
	if req.ConfigValue.IsNull() || req.ConfigValue.IsUnknown() {
		return
	}
	s := req.ConfigValue.ValueString()
	var bad []string
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case livespec.IsRoomIDChar(c):
		case c >= 0x20 && c < 0x7f:
			bad = append(bad, fmt.Sprintf("%q at byte %d", s[i:i+1], i))
		default:
			bad = append(bad, fmt.Sprintf("0x%02X at byte %d", c, i))
		}
	}
	if len(bad) == 0 {
		return
	}
	if len(bad) > 5 {
		bad = append(bad[:5], fmt.Sprintf("and %d more", len(bad)-5))
	}
	resp.Diagnostics.AddAttributeError(req.Path, "Invalid "+req.Path.String(), fmt.Sprintf(
		"%s %q has characters outside TRTC's string room ID set: %s. A room ID %s (the client SDKs join string room IDs only from these 89 characters and answer -2105 otherwise), so nobody could enter the room.",
		req.Path.String(), s, strings.Join(bad, ", "), v.Description(ctx)))
}
