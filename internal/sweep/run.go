package sweep

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

// OperationTimeout bounds one request with its retries (60007, 100012, transient faults), as
// the provider's own operations are bounded.
var OperationTimeout = 2 * time.Minute

// Run is one region's sweep: a client of the application, the names the tests recorded, and
// what earlier sweepers found for later ones (the owners, admins and robots of swept rooms).
type Run struct {
	Region string
	Client *wire.Client

	record string // the record file, "" when there is none

	mu    sync.Mutex
	found map[Kind]map[string]bool
}

// Start returns the sweep of region from the TENCENTLIVE_* environment (getenv): the
// credentials are required, and region must be one of the provider's regions even when
// TENCENTLIVE_ENDPOINT points elsewhere (an emulator).
func Start(region string, getenv func(string) string) (*Run, error) {
	if _, ok := livespec.RegionHosts[region]; !ok {
		return nil, fmt.Errorf("-sweep=%q is not a region of the provider; use one of %s", region, strings.Join(livespec.RegionNames(), ", "))
	}
	for _, name := range []string{tfkit.EnvSDKAppID, tfkit.EnvSecretKey} {
		if getenv(name) == "" {
			return nil, fmt.Errorf("%s is not set: the sweepers need the application's SDKAppID and secret key (%s, %s)", name, tfkit.EnvSDKAppID, tfkit.EnvSecretKey)
		}
	}
	sdkAppID, err := strconv.ParseUint(strings.TrimSpace(getenv(tfkit.EnvSDKAppID)), 10, 64)
	if err != nil || sdkAppID == 0 {
		return nil, fmt.Errorf("%s is %q: it must be the positive SDKAppID shown in the Tencent RTC console", tfkit.EnvSDKAppID, getenv(tfkit.EnvSDKAppID))
	}
	identifier := getenv(tfkit.EnvIdentifier)
	if identifier == "" {
		identifier = livespec.DefaultIdentifier
	}
	base := "https://" + livespec.RegionHosts[region]
	if endpoint := getenv(tfkit.EnvEndpoint); endpoint != "" {
		base = endpoint
	}
	allowPlain, _ := strconv.ParseBool(getenv(tfkit.EnvInsecureHTTP))
	c, err := wire.New(wire.Config{SDKAppID: sdkAppID, SecretKey: getenv(tfkit.EnvSecretKey), Identifier: identifier,
		BaseURL: base, AllowPlainHTTP: allowPlain, MaxRetries: wire.RetryUntilDeadline})
	if err != nil {
		return nil, fmt.Errorf("sweep client: %w", err)
	}
	return &Run{Region: region, Client: c, record: RecordFile(sdkAppID, getenv), found: map[Kind]map[string]bool{}}, nil
}

// NewRun is a sweep with a client of its own (tests) and the record file record ("" for none).
func NewRun(c *wire.Client, record string) *Run {
	return &Run{Client: c, record: record, found: map[Kind]map[string]bool{}}
}

// Find notes test objects of kind that a later sweeper should remove; names without the
// prefix are dropped here.
func (r *Run) Find(kind Kind, names ...string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.found[kind] == nil {
		r.found[kind] = map[string]bool{}
	}
	for _, n := range names {
		if Owned(n) {
			r.found[kind][n] = true
		}
	}
}

// Candidates are the test objects of kind to look at: those earlier sweepers found, the ones
// recorded in the record file, and extra (such as a list the service returned), each once,
// sorted, the prefix checked.
func (r *Run) Candidates(kind Kind, extra ...string) ([]string, error) {
	recorded, err := readRecord(r.record, kind)
	r.mu.Lock()
	names := append(slices.Collect(maps.Keys(r.found[kind])), recorded...)
	r.mu.Unlock()
	names = slices.DeleteFunc(append(names, extra...), func(n string) bool { return !Owned(n) })
	slices.Sort(names)
	return slices.Compact(names), err
}

// Gone drops names of kind from the record file once they are confirmed gone, so the file
// holds only what is left to sweep.
func (r *Run) Gone(kind Kind, names []string) error { return forget(r.record, kind, names) }

// Do runs one operation on the test object name within OperationTimeout. It refuses a name
// without the prefix before anything is sent: the last guard, whatever a sweeper was handed.
func (r *Run) Do(name string, op func(ctx context.Context) error) error {
	if !Owned(name) {
		return fmt.Errorf("%q does not start with %q: not a test object, left alone", name, Prefix)
	}
	ctx, cancel := context.WithTimeout(context.Background(), OperationTimeout)
	defer cancel()
	return op(ctx)
}

// Failures collects the objects a sweeper could not remove, so one failure does not stop the
// others and the run ends naming each.
type Failures struct{ errs []error }

// Add records that what (a kind and a name) failed with err; a nil err is ignored.
func (f *Failures) Add(what string, err error) {
	if err != nil {
		f.errs = append(f.errs, fmt.Errorf("%s: %w", what, err))
	}
}

// Err is every failure, one per line, or nil.
func (f *Failures) Err() error { return errors.Join(f.errs...) }

// RecordFile is where acceptance tests record the names they create for the application
// sdkAppID: TENCENTLIVE_SWEEP_RECORD when set, else a file per application in the user's cache
// directory ("" when there is none).
func RecordFile(sdkAppID uint64, getenv func(string) string) string {
	if p := getenv(EnvRecord); p != "" {
		return p
	}
	dir, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return dir + string(os.PathSeparator) + "terraform-provider-tencentlive" + string(os.PathSeparator) + "acc-test-names-" + strconv.FormatUint(sdkAppID, 10)
}
