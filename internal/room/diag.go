package room

import (
	"encoding/json"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

// blameSent returns the room's blame rules for a failed request that carried the attributes
// sent (see sentAttributes), for tfkit.APIFailure.Blame.
func blameSent(sent []string) func(livespec.Code, string) string {
	return func(code livespec.Code, message string) string { return blamedAttribute(code, message, sent) }
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

// addAPIError is tfkit.AddAPIError with the room's blame rules when f has none.
func addAPIError(diags *diag.Diagnostics, f tfkit.APIFailure, err error) {
	if f.Blame == nil {
		f.Blame = blameSent(nil)
	}
	tfkit.AddAPIError(diags, f, err)
}

// describeAPIError is tfkit.DescribeAPIError with the room's blame rules when f has none.
func describeAPIError(f tfkit.APIFailure, err error) (detail, attribute string) {
	if f.Blame == nil {
		f.Blame = blameSent(nil)
	}
	return tfkit.DescribeAPIError(f, err)
}
