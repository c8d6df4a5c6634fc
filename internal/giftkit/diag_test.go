package giftkit

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

// 100012 and 100013 from a gift command are worded as the gift system's rate and quota, not
// the code table's room wording; the diagnostic goes to the attribute blame names.
func TestAddAPIErrorGiftWording(t *testing.T) {
	for _, tc := range []struct {
		code       livespec.Code
		want, not  []string
		attributed bool
	}{
		{livespec.CodeCreateTooFrequent,
			[]string{`Gift "rose": add_gift failed with 100012 (called too often: the gift configuration commands allow 1 call per second)`, "another client"},
			[]string{"room"}, false},
		{livespec.CodeOverPackageLimit,
			[]string{"100013 (over the package's gift or category quota)", "raise the provider's gift_quota"},
			[]string{"max_seat_count", "room"}, true},
		{livespec.CodeGiftNoPackage, []string{"102001", "Buy a TUILiveKit trial or paid package"}, nil, false},
	} {
		var diags diag.Diagnostics
		err := &wire.Error{Command: "add_gift", Code: tc.code, Message: "x", RequestID: "Id-1"}
		AddAPIError(&diags, Failure{Summary: "Unable to create gift", Subject: `Gift "rose"`, QuotaSetting: "gift_quota"}, err,
			func(code livespec.Code, _ string) string {
				if code == livespec.CodeOverPackageLimit {
					return "gift_id"
				}
				return ""
			})
		if len(diags) != 1 {
			t.Fatalf("%d: %v", tc.code, diags)
		}
		detail := diags[0].Detail()
		for _, w := range tc.want {
			if !strings.Contains(detail, w) {
				t.Errorf("%d: detail lacks %q:\n%s", tc.code, w, detail)
			}
		}
		for _, n := range tc.not {
			if strings.Contains(detail, n) {
				t.Errorf("%d: detail speaks of %q:\n%s", tc.code, n, detail)
			}
		}
		if _, ok := diags[0].(diag.DiagnosticWithPath); ok != tc.attributed {
			t.Errorf("%d: attributed %v, want %v", tc.code, ok, tc.attributed)
		}
	}
}
