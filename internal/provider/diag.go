package provider

import (
	"context"
	"encoding/json"
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

// apiFailure describes one failed API call for addAPIError.
type apiFailure struct {
	Summary string   // "Unable to create live room"
	RoomID  string   // the room the call was about
	Subject string   // what the call was about when not a room (`Account "host-1"`); overrides RoomID
	Sent    []string // attributes the failed request carried, to tell which one the vendor meant
	Timeout string   // the timeouts attribute that bounds the call ("create"), for deadline hints
	Note    string   // a last paragraph: what state the operation left things in
	// Attribute is the attribute the failed call was about (metadata, admins, robots), when
	// the call concerns one attribute only; it overrides the guess from the code.
	Attribute string
	Hint      string // replaces the code table's hint, when that one speaks of another attribute
}

// addAPIError appends the diagnostic for err.
func addAPIError(diags *diag.Diagnostics, f apiFailure, err error) {
	detail, attribute := describeAPIError(f, err)
	if f.Note != "" {
		detail += "\n\n" + f.Note
	}
	if attribute != "" {
		diags.AddAttributeError(path.Root(attribute), f.Summary, detail)
		return
	}
	diags.AddError(f.Summary, detail)
}

// describeAPIError returns the detail text of err and the attribute to blame ("" for none).
func describeAPIError(f apiFailure, err error) (detail, attribute string) {
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
			if hint := reachabilityHint(ce); hint != "" {
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
	if attribute == "" {
		attribute = blamedAttribute(we.Code, we.Message, f.Sent)
	}
	if attribute != "" {
		fmt.Fprintf(&b, "\nAttribute: %s", attribute)
	}
	if hint := regionHint(we); hint != "" {
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

// blamedAttribute decides which attribute a vendor error is about: fixed for codes that concern
// one field, otherwise the field the message names first, otherwise the only candidate the
// request carried. "" when it cannot tell.
func blamedAttribute(code livespec.Code, message string, sent []string) string {
	switch code {
	case livespec.CodeAccountNotImported:
		return "owner_account"
	case livespec.CodeRoomIDTaken, livespec.CodeRoomIDIsChatGroup, livespec.CodeRoomExistsSameOwner:
		return "room_id"
	case livespec.CodeTooManyCategories:
		return "category"
	case livespec.CodeOverPackageLimit:
		return namedOrOnlySent(message, sent, "max_seat_count", "max_member_count")
	case livespec.CodeSensitiveContent:
		return namedOrOnlySent(message, sent, "room_name", "notice", "cover_url")
	case livespec.CodeInvalidParam:
		return namedOrOnlySent(message, nil)
	}
	return ""
}

// namedOrOnlySent returns the candidate the message names first (by vendor field name or
// attribute name; any field when no candidates are given), else the only candidate in sent.
func namedOrOnlySent(message string, sent []string, candidates ...string) string {
	isCandidate := func(a string) bool {
		if len(candidates) == 0 {
			return true
		}
		for _, c := range candidates {
			if c == a {
				return true
			}
		}
		return false
	}
	best, bestAt := "", len(message)+1
	lower := strings.ToLower(message)
	for _, f := range roomAttributes {
		if f.apiField == "" || !isCandidate(f.name) {
			continue
		}
		for _, name := range []string{strings.ToLower(f.apiField), f.name} {
			if i := strings.Index(lower, name); i >= 0 && i < bestAt {
				best, bestAt = f.name, i
			}
		}
	}
	if best != "" {
		return best
	}
	var only string
	for _, s := range sent {
		if isCandidate(s) {
			if only != "" {
				return ""
			}
			only = s
		}
	}
	return only
}

// sentAttributes lists the attributes a request carries: those whose RoomInfo field is in the
// JSON the request sends.
func sentAttributes(info wire.RoomInfo) []string {
	body, err := json.Marshal(info)
	var fields map[string]json.RawMessage
	if err != nil || json.Unmarshal(body, &fields) != nil {
		return nil
	}
	var out []string
	for _, f := range roomAttributes {
		if _, ok := fields[f.apiField]; ok && f.apiField != "" && f.apiField != "RoomId" {
			out = append(out, f.name)
		}
	}
	return out
}

// isCode reports whether err is a vendor answer with the given code.
func isCode(err error, code livespec.Code) bool {
	return err != nil && wire.CodeOf(err) == code
}
