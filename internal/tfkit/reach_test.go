package tfkit

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

// 70016 and 70020 name where the request went and list the regions, instead of the code
// table's generic hint.
func TestRegionHint(t *testing.T) {
	for _, tc := range []struct {
		code     int
		endpoint string
		want     []string
	}{
		{70016, "https://adminapisgp.im.qcloud.com", []string{
			`The request went to https://adminapisgp.im.qcloud.com, the host of region "singapore", which does not know this application.`,
			"set region (TENCENTLIVE_REGION) to it", "Basic Information", "  - usa: adminapiusa.im.qcloud.com"}},
		{70020, "https://console.tim.qq.com", []string{`the host of region "china"`, "check sdk_app_id (TENCENTLIVE_SDK_APP_ID)"}},
		{70020, "http://127.0.0.1:8080", []string{
			"The request went to the endpoint http://127.0.0.1:8080 (endpoint, TENCENTLIVE_ENDPOINT, which replaces region)",
			"Check that the endpoint serves the application's data centre"}},
	} {
		err := &wire.Error{Command: "get_room_info", Code: livespec.Code(tc.code), Message: "x", Endpoint: tc.endpoint}
		detail, _ := DescribeAPIError(APIFailure{RoomID: "r"}, err)
		for _, w := range tc.want {
			if !strings.Contains(detail, w) {
				t.Errorf("%d at %s: detail lacks %q:\n%s", tc.code, tc.endpoint, w, detail)
			}
		}
		if strings.Contains(detail, "to the data center of the application") {
			t.Errorf("%d: the table's generic hint is still there:\n%s", tc.code, detail)
		}
	}
	other := &wire.Error{Command: "get_room_info", Code: 70009, Endpoint: "https://console.tim.qq.com"}
	if detail, _ := DescribeAPIError(APIFailure{RoomID: "r"}, other); strings.Contains(detail, "Regions and their hosts") {
		t.Errorf("70009 is not a region error:\n%s", detail)
	}
}

func TestReachabilityHint(t *testing.T) {
	for _, tc := range []struct {
		reason wire.ConnectionReason
		want   string
	}{
		{wire.ConnectionRefused, `Nothing accepts connections at https://adminapiusa.im.qcloud.com, the host of region "usa", so the provider stopped after 3 attempts.`},
		{wire.NoAnswer, `Https://adminapiusa.im.qcloud.com, the host of region "usa" accepted the connection but sent no answer`},
		{wire.HostNotFound, "does not resolve"},
		{wire.Untrusted, "set ca_cert_file (TENCENTLIVE_CA_CERT_FILE)"},
		{wire.ConnectionLost, "was lost"},
	} {
		ce := &wire.ConnectionError{Command: "get_room_info", Attempts: 3, Reason: tc.reason, Endpoint: "https://adminapiusa.im.qcloud.com"}
		// The per-attempt timeout wraps DeadlineExceeded; it is not the resource's timeout.
		detail, _ := DescribeAPIError(APIFailure{RoomID: "r", Timeout: "create"}, errors.Join(ce, context.DeadlineExceeded))
		if !strings.Contains(detail, tc.want) {
			t.Errorf("reason %d: detail lacks %q:\n%s", tc.reason, tc.want, detail)
		}
		if tc.reason != wire.Untrusted && (!strings.Contains(detail, "TENCENTLIVE_ENDPOINT") || !strings.Contains(detail, "HTTPS_PROXY")) {
			t.Errorf("reason %d: detail does not say what to check:\n%s", tc.reason, detail)
		}
		if strings.Contains(detail, "timeouts.create") {
			t.Errorf("reason %d: a per-attempt timeout blamed on timeouts.create:\n%s", tc.reason, detail)
		}
	}
}
