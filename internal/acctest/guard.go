package acctest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"path"
	"slices"
	"sync"
	"testing"

	"github.com/tencentlive/terraform-provider-tencentlive/emulator"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/sweep"
)

// createdNames says, for each command that creates an object, which names its request body
// creates. A resource type that creates objects adds its commands here, and every acceptance
// test is then held to the prefix for them.
var createdNames = map[string]func(body []byte) []string{
	"create_room":       field("RoomInfo", "RoomId"),
	"account_import":    field("UserID"),
	"add_gift":          field("GiftId"),
	"add_gift_category": field("CategoryId"),
}

// field reads one string field of a JSON request body, at the path of object keys given.
func field(path ...string) func([]byte) []string {
	return func(body []byte) []string {
		var v any
		if json.Unmarshal(body, &v) != nil {
			return nil
		}
		for _, key := range path {
			m, ok := v.(map[string]any)
			if !ok {
				return nil
			}
			v = m[key]
		}
		if s, ok := v.(string); ok {
			return []string{s}
		}
		return nil
	}
}

// prefixGuard fails the test, when it ends, for every object it asked the emulator to create
// without Prefix: the sweepers could never find such an object on a real application. The
// emulator's App Admins are not the test's: they exist before it starts.
type prefixGuard struct {
	allowed map[string]bool

	mu      sync.Mutex
	foreign []string
}

func newPrefixGuard(opts emulator.Options) *prefixGuard {
	g := &prefixGuard{allowed: map[string]bool{emulator.DefaultAdmin: len(opts.Admins) == 0}}
	for _, a := range opts.Admins {
		g.allowed[a] = true
	}
	return g
}

// err names the objects created without the prefix, or is nil.
func (g *prefixGuard) err() error {
	g.mu.Lock()
	defer g.mu.Unlock()
	if len(g.foreign) == 0 {
		return nil
	}
	names := slices.Compact(slices.Sorted(slices.Values(g.foreign)))
	return fmt.Errorf("the test created objects without the prefix %q, which the sweepers would never remove: %q (name them with acctest.Name)", Prefix, names)
}

// Unprefixed lets an emulator-only test create name without the prefix, when the name is what
// it tests (a numeric user ID). It fails a test that runs against the real service.
func (e *Env) Unprefixed(t *testing.T, name string) {
	t.Helper()
	if e.guard == nil {
		t.Fatalf("%q has no prefix: only a test against the emulator may create it", name)
	}
	e.guard.mu.Lock()
	defer e.guard.mu.Unlock()
	e.guard.allowed[name] = true
}

func (g *prefixGuard) wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if names := createdNames[path.Base(r.URL.Path)]; names != nil {
			body, _ := io.ReadAll(r.Body)
			r.Body = io.NopCloser(bytes.NewReader(body))
			for _, n := range names(body) {
				g.mu.Lock()
				if !g.allowed[n] && !sweep.Owned(n) {
					g.foreign = append(g.foreign, n)
				}
				g.mu.Unlock()
			}
		}
		next.ServeHTTP(w, r)
	})
}
