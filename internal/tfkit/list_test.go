package tfkit

import (
	"testing"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

func TestListTimeout(t *testing.T) {
	if d, err := ListTimeout(types.StringNull()); err != nil || d != DefaultListTimeout {
		t.Fatalf("unset: %v, %v", d, err)
	}
	if d, err := ListTimeout(types.StringValue("90s")); err != nil || d != 90*time.Second {
		t.Fatalf("90s: %v, %v", d, err)
	}
	for _, bad := range []string{"soon", "-1m", "0s"} {
		if _, err := ListTimeout(types.StringValue(bad)); err == nil {
			t.Errorf("%q accepted", bad)
		}
	}
}
