package giftkit

import (
	"strings"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
)

// FieldAttribute is {vendor field name, attribute}: the attribute a field comes from.
type FieldAttribute [2]string

// Blame returns the function naming the attribute a vendor error is about: idAttribute for
// an exhausted package quota, and for an invalid parameter the attribute whose field the
// message names first.
func Blame(idAttribute string, fields []FieldAttribute) func(livespec.Code, string) string {
	return func(code livespec.Code, message string) string {
		if code == livespec.CodeOverPackageLimit {
			return idAttribute
		}
		if code != livespec.CodeInvalidParam {
			return ""
		}
		best, at := "", len(message)+1
		for _, f := range fields {
			if i := strings.Index(message, f[0]); i >= 0 && i < at {
				best, at = f[1], i
			}
		}
		return best
	}
}

// DefaultsChanged reports whether an edit call has anything to change from the expanded
// state s to the expanded plan p; the extension_info texts, at ext, are compared as JSON.
func DefaultsChanged[T comparable](s, p T, ext func(*T) *string) bool {
	se, pe := ext(&s), ext(&p)
	if !SameJSON(*se, *pe) {
		return true
	}
	*se, *pe = "", ""
	return s != p
}
