package wire

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
)

// FuzzDecodeEnvelope feeds arbitrary status codes and bodies through the answer decoder, with a
// RoomInfo payload so its drift-tolerant decoding is fuzzed too. Seeds: testdata/fuzz.
func FuzzDecodeEnvelope(f *testing.F) {
	c := offlineClient(f)
	f.Fuzz(func(t *testing.T, status int, body []byte) {
		for _, service := range []string{livespec.ServiceLive, livespec.ServiceAccount} {
			var resp struct {
				RoomInfo *RoomInfo
				RoomList []RoomInfo
			}
			out := c.interpret(service, "get_room_info", status, body, &resp)
			if out.err == nil {
				if status < 200 || status > 299 {
					t.Fatalf("HTTP %d accepted as success", status)
				}
				env, err := decodeEnvelope(body)
				if err != nil || env.failed() {
					t.Fatalf("success for a body that is not an OK envelope: %q", body)
				}
				continue
			}
			if msg := out.err.Error(); !strings.HasPrefix(msg, "get_room_info: ") || strings.Contains(msg, testKey) {
				t.Fatalf("error text %q", msg)
			}
			var e *Error
			if errors.As(out.err, &e) && e.Code == 0 && e.HTTPStatus == 200 && json.Valid(body) {
				env, _ := decodeEnvelope(body)
				if !env.failed() {
					t.Fatalf("*Error without a failure: %q", body)
				}
			}
		}
	})
}
