package emulator

import (
	"bytes"
	"io"
	"net/url"
	"slices"
	"strings"
	"sync"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
)

// jsonContentType is shared by every answer; net/http only reads header values.
var jsonContentType = []string{"application/json; charset=utf-8"}

// authParams holds the query parameters the emulator reads.
type authParams struct {
	sdkAppID, identifier, userSig string
}

var authParamNames = [...]string{"sdkappid", "identifier", "usersig"}

// parseAuthQuery reads sdkappid, identifier and usersig with url.ParseQuery's rules (pairs split
// on '&', pairs with ';' or bad escapes skipped, the first value wins) without building the
// whole url.Values map on every request. sigs, when given, remembers unescaped UserSigs: a
// client sends the same one for hours, and unescaping it is most of the query's cost.
func parseAuthQuery(raw string, sigs *unescapeMemo) authParams {
	var values [len(authParamNames)]string
	var seen [len(authParamNames)]bool
	for raw != "" {
		var pair string
		pair, raw, _ = strings.Cut(raw, "&")
		if pair == "" || strings.Contains(pair, ";") {
			continue
		}
		key, value, _ := strings.Cut(pair, "=")
		key, err := unescapeQuery(key)
		if err != nil {
			continue
		}
		i := slices.Index(authParamNames[:], key)
		if i < 0 || seen[i] {
			continue
		}
		if i == 2 && sigs != nil {
			value, err = sigs.unescape(value)
		} else {
			value, err = unescapeQuery(value)
		}
		if err != nil {
			continue
		}
		values[i], seen[i] = value, true
	}
	return authParams{sdkAppID: values[0], identifier: values[1], userSig: values[2]}
}

func unescapeQuery(s string) (string, error) {
	if !strings.ContainsAny(s, "%+") {
		return s, nil
	}
	return url.QueryUnescape(s)
}

// unescapeMemo is a bounded map from escaped query values to their unescaped form.
type unescapeMemo struct {
	mu sync.RWMutex
	m  map[string]string
}

const unescapeMemoSize = 1024

func (u *unescapeMemo) unescape(escaped string) (string, error) {
	u.mu.RLock()
	v, ok := u.m[escaped]
	u.mu.RUnlock()
	if ok {
		return v, nil
	}
	v, err := unescapeQuery(escaped)
	if err != nil || v == escaped {
		return v, err
	}
	u.mu.Lock()
	if u.m == nil || len(u.m) >= unescapeMemoSize {
		u.m = make(map[string]string)
	}
	u.m[escaped] = v
	u.mu.Unlock()
	return v, nil
}

// readBody reads at most MaxBodyBytes; an empty or larger body is a JSON error (60003), since
// no retry can fix it.
func readBody(body io.Reader) ([]byte, *apiError) {
	if body == nil {
		return nil, fail(livespec.CodeBadJSON, "request body is empty")
	}
	var buf bytes.Buffer
	n, err := buf.ReadFrom(io.LimitReader(body, MaxBodyBytes+1))
	if err != nil {
		return nil, fail(60008, "request body could not be read")
	}
	if n > MaxBodyBytes {
		return nil, fail(livespec.CodeBadJSON, "request body exceeds 1 MiB")
	}
	if n == 0 {
		return nil, fail(livespec.CodeBadJSON, "request body is empty")
	}
	return buf.Bytes(), nil
}
