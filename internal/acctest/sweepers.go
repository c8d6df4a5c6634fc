package acctest

import (
	"flag"
	"os"
	"sync"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/sweep"
)

// addSweepers hands every registered sweeper (internal/sweep, one per resource type, from the
// resource packages' sweep.go) to terraform-plugin-testing, which runs them for
// `go test -sweep=REGION` in the order of their dependencies. The sweepers of one region share
// one sweep.Run, so the accounts' sweeper sees the accounts the rooms' sweeper found.
func addSweepers() {
	var (
		mu   sync.Mutex
		runs = map[string]*sweep.Run{}
	)
	start := func(region string) (*sweep.Run, error) {
		mu.Lock()
		defer mu.Unlock()
		if r, ok := runs[region]; ok {
			return r, nil
		}
		r, err := sweep.Start(region, os.Getenv)
		if err == nil {
			runs[region] = r
		}
		return r, err
	}
	for _, s := range sweep.Sweepers() {
		resource.AddTestSweepers(s.Name, &resource.Sweeper{Name: s.Name, Dependencies: s.Dependencies, F: func(region string) error {
			run, err := start(region)
			if err != nil {
				return err
			}
			return s.Sweep(run)
		}})
	}
	// One room that fails to go must not keep the accounts' sweeper from running; the run still
	// ends non-zero naming it. -sweep-allow-failures=false on the command line turns this off.
	_ = flag.Set("sweep-allow-failures", "true")
}
