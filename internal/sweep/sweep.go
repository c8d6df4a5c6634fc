// Package sweep removes what acceptance tests left behind on an application: every object whose
// name starts with Prefix, and nothing else. Each resource package registers the sweeper of its
// own objects (a file sweep.go beside the resource); the acceptance tests hand the registered
// sweepers to terraform-plugin-testing, which runs them for `go test -sweep=REGION`.
//
// A sweeper deletes only names that pass Owned, whatever the service answers: a room list, an
// owner or a record file may hold names the application made itself.
package sweep

import (
	"strings"
	"sync"
)

// Prefix starts the name of every object an acceptance test creates, dash included, as
// HashiCorp's providers name theirs ("tf-acc-testy" is not a test object).
const Prefix = "tf-acc-test-"

// Owned reports whether name is a test object's: Prefix and something after it.
func Owned(name string) bool { return len(name) > len(Prefix) && strings.HasPrefix(name, Prefix) }

// Kind names a kind of object in the record file and in what sweepers find for each other.
type Kind string

// The kinds of object the provider manages today.
const (
	KindRoom         Kind = "room"
	KindAccount      Kind = "account"
	KindGift         Kind = "gift"
	KindGiftCategory Kind = "gift_category"
)

// Sweeper removes one resource type's test objects.
type Sweeper struct {
	// Name is the resource type ("tencentlive_room"); -sweep-run matches it.
	Name string
	// Dependencies are the sweepers that must run first, such as the rooms before the accounts
	// they use.
	Dependencies []string
	// Sweep deletes the test objects it can find with run's client, continuing past a failed
	// delete, and returns every failure joined (nil when all are gone).
	Sweep func(run *Run) error
}

var (
	registryMu sync.Mutex
	registry   []Sweeper
)

// Register adds a sweeper; resource packages call it from init.
func Register(s Sweeper) {
	registryMu.Lock()
	defer registryMu.Unlock()
	registry = append(registry, s)
}

// Sweepers returns every registered sweeper.
func Sweepers() []Sweeper {
	registryMu.Lock()
	defer registryMu.Unlock()
	return append([]Sweeper(nil), registry...)
}
