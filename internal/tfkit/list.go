package tfkit

import (
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/types"
)

// DefaultListTimeout bounds one query of a list resource: its reads and the retries of refused
// and failed requests.
const DefaultListTimeout = 10 * time.Minute

// ListTimeout is a list block's timeout attribute: v, or DefaultListTimeout when unset.
func ListTimeout(v types.String) (time.Duration, error) {
	if !Known(v) {
		return DefaultListTimeout, nil
	}
	d, err := time.ParseDuration(v.ValueString())
	if err != nil || d <= 0 {
		return 0, fmt.Errorf("timeout %q is not a positive Go duration such as \"90s\" or \"10m\"", v.ValueString())
	}
	return d, nil
}
