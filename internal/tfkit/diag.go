package tfkit

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

// One wording for every API failure: the summary names the action ("Unable to create live
// room"), the detail gives the room ID, the command, the vendor code with its meaning and
// message, the RequestId to quote to Tencent support, and the hint from the code table. When
// one attribute is to blame the diagnostic is attached to it, so Terraform points at its line.

// APIFailure describes one failed API call for AddAPIError.
type APIFailure struct {
	Summary string // "Unable to create live room"
	RoomID  string // the room the call was about
	Subject string // what the call was about when not a room (`Account "host-1"`); overrides RoomID
	Timeout string // the timeouts attribute that bounds the call ("create"), for deadline hints
	Note    string // a last paragraph: what state the operation left things in
	// Attribute is the attribute the failed call was about (metadata, admins, robots), when
	// the call concerns one attribute only; it overrides Blame's guess.
	Attribute string
	// Blame guesses, from the vendor's code and message, which attribute an error is about;
	// nil when the resource's attributes have no such rules. Its answer is named in the
	// detail and the diagnostic is attached to it.
	Blame func(code livespec.Code, message string) string
	Hint  string // replaces the code table's hint, when that one speaks of another attribute
}

// AddAPIError appends the diagnostic for err.
func AddAPIError(diags *diag.Diagnostics, f APIFailure, err error) {
	detail, attribute := DescribeAPIError(f, err)
	if f.Note != "" {
		detail += "\n\n" + f.Note
	}
	if attribute != "" {
		diags.AddAttributeError(path.Root(attribute), f.Summary, detail)
		return
	}
	diags.AddError(f.Summary, detail)
}

// DescribeAPIError returns the detail text of err and the attribute to blame ("" for none).
func DescribeAPIError(f APIFailure, err error) (detail, attribute string) {
	var b strings.Builder
	if f.Subject != "" {
		fmt.Fprintf(&b, "%s: ", f.Subject)
	} else {
		fmt.Fprintf(&b, "Room %q: ", f.RoomID)
	}

	var we *wire.Error
	if !errors.As(err, &we) {
		b.WriteString(err.Error())
		var ce *wire.ConnectionError
		switch {
		case errors.As(err, &ce): // its per-attempt timeout is no resource timeout
			if hint := ReachabilityHint(ce); hint != "" {
				fmt.Fprintf(&b, "\n\n%s", hint)
			}
		case errors.Is(err, context.DeadlineExceeded) && f.Timeout != "":
			fmt.Fprintf(&b, "\n\nThe %s timeout ran out; raise timeouts.%s if the service is slow.", f.Timeout, f.Timeout)
		}
		return b.String(), ""
	}

	if we.Code == 0 { // an HTTP failure without an envelope
		fmt.Fprintf(&b, "%s failed: %s.", we.Command, strings.TrimPrefix(we.Error(), we.Command+": "))
		return b.String(), ""
	}
	info := we.Code.Info()
	fmt.Fprintf(&b, "%s failed with %d (%s)", we.Command, int(we.Code), info.Meaning)
	if we.Message != "" {
		fmt.Fprintf(&b, ": %s", we.Message)
	}
	b.WriteString(".")
	if we.RequestID != "" {
		fmt.Fprintf(&b, "\nRequestId: %s", we.RequestID)
	}
	if we.Attempts > 1 {
		fmt.Fprintf(&b, "\nAttempts: %d", we.Attempts)
	}
	attribute = f.Attribute
	if attribute == "" && f.Blame != nil {
		attribute = f.Blame(we.Code, we.Message)
	}
	if attribute != "" {
		fmt.Fprintf(&b, "\nAttribute: %s", attribute)
	}
	if hint := RegionHint(we); hint != "" {
		info.Hint = hint
	}
	if f.Hint != "" {
		info.Hint = f.Hint
	}
	if info.Hint != "" {
		fmt.Fprintf(&b, "\n\n%s", info.Hint)
	}
	return b.String(), attribute
}

// IsCode reports whether err is a vendor answer with the given code.
func IsCode(err error, code livespec.Code) bool {
	return err != nil && wire.CodeOf(err) == code
}
