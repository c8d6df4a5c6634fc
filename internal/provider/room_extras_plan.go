package provider

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
)

// checkRoomAccounts looks up, at plan time, the user IDs that admins and robots add (account_check,
// batched with the owners of the plan's rooms): modify_admin and add_robot would answer 70107 for
// an account that is not imported, after the room was created or changed. IDs already in the
// state, the identifier, and accounts a tencentlive_account of this plan creates are not looked
// up; nor is anything with plan_checks = false.
func (r *roomResource) checkRoomAccounts(ctx context.Context, plan, state roomModel, resp *resource.ModifyPlanResponse) {
	d := r.data
	if d == nil || d.client == nil || !d.planChecks {
		return
	}
	optional := func() bool { return d.plannedChecks.Load() > plannedChecksAlways }
	for _, l := range []struct {
		attribute   string
		plan, state types.Set
	}{{"admins", plan.Admins, state.Admins}, {"robots", plan.Robots, state.Robots}} {
		if !known(l.plan) {
			continue
		}
		var ids []string
		for _, id := range setStrings(l.plan) {
			if _, planned := d.plannedAccounts.Load(id); planned || id == d.identifier || slices.Contains(setStrings(l.state), id) {
				continue
			}
			ids = append(ids, id)
		}
		var (
			mu      sync.Mutex
			missing []string
			wg      sync.WaitGroup
		)
		for _, id := range ids { // concurrently, so they share one account_check batch
			wg.Go(func() {
				imported, checked := d.accounts.lookup(ctx, d.client, id, &d.planningRooms, optional)
				if checked && !imported {
					mu.Lock()
					missing = append(missing, id)
					mu.Unlock()
				}
			})
		}
		wg.Wait()
		if len(missing) == 0 {
			continue
		}
		slices.Sort(missing)
		quoted := make([]string, len(missing))
		for i, id := range missing {
			quoted[i] = fmt.Sprintf("%q", id)
		}
		command := map[string]string{"admins": "modify_admin", "robots": "add_robot"}[l.attribute]
		info := livespec.CodeAccountNotImported.Info()
		resp.Diagnostics.AddAttributeError(path.Root(l.attribute), "Account not imported", fmt.Sprintf(
			"%s names %s, not imported (account_check), so %s would answer %d (%s) at apply, after the room was created or changed.\n\n"+
				"Import the account first, for example with a tencentlive_account resource, and reference it: %s = [tencentlive_account.<name>.user_id]. "+
				"A literal user ID does not make Terraform import the account first.",
			l.attribute, strings.Join(quoted, ", "), command, int(livespec.CodeAccountNotImported), info.Meaning, l.attribute))
	}
}
