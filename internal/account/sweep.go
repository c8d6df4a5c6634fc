package account

import (
	"context"
	"fmt"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/room"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/sweep"
)

func init() {
	sweep.Register(sweep.Sweeper{Name: "tencentlive_account", Dependencies: []string{room.SweeperName}, Sweep: sweepAccounts})
}

// sweepAccounts deletes the test accounts. The service has no account list: the candidates are
// the owners, admins and robots of the rooms swept before, and the accounts the tests recorded.
func sweepAccounts(run *sweep.Run) error {
	var failures sweep.Failures
	names, err := run.Candidates(sweep.KindAccount)
	failures.Add("record file", err)
	var gone []string
	for _, id := range names {
		err := run.Do(id, func(ctx context.Context) error {
			results, err := run.Client.DeleteAccounts(ctx, []string{id})
			if err != nil {
				return err
			}
			for _, r := range results {
				if r.ResultCode != 0 && livespec.Code(r.ResultCode) != livespec.CodeAccountNotImported {
					return fmt.Errorf("account_delete answered %d (%s)", r.ResultCode, r.ResultInfo)
				}
			}
			return nil
		})
		if err != nil {
			failures.Add("account "+id, err)
			continue
		}
		gone = append(gone, id)
	}
	failures.Add("record file", run.Gone(sweep.KindAccount, gone))
	return failures.Err()
}
