package tfkit

import (
	"sync"
	"sync/atomic"
)

// Walk is what the resources of one provider process tell each other about the Terraform walk
// the process serves. Terraform plan and apply start a provider process per walk (validate,
// plan, apply), so a fact learnt by one resource's call holds for the others' calls in the same
// process. Terraform 1.16's `terraform test` sends every run of a test file to one process, with
// no call between walks: there a fact lasts to the end of the file, so after the first apply the
// later runs' plans skip what Applying skips, and an account planned in an earlier run counts as
// planned. Both only leave checks to create_room at apply; neither refuses anything.
type Walk struct {
	applying atomic.Bool
	// plannedAccounts holds the user IDs that tencentlive_account resources of this plan
	// create: a room naming one is not looked up at plan, as the account does not exist yet.
	plannedAccounts sync.Map
}

// WalkOf returns the walk of d's provider process.
func WalkOf(d *ProviderData) *Walk { return Session[Walk](d) }

// ApplyStarted records that this process runs Terraform's apply walk: only there do resources
// get created, updated or deleted. The plans that walk makes are re-plans of what the plan walk
// planned (and checked) a moment or an hour before, each right before its own apply.
func (w *Walk) ApplyStarted() { w.applying.Store(true) }

// Applying reports whether a create, update or delete has come (see ApplyStarted).
func (w *Walk) Applying() bool { return w.applying.Load() }

// PlanAccount records that a tencentlive_account of this plan creates userID.
func (w *Walk) PlanAccount(userID string) { w.plannedAccounts.Store(userID, true) }

// AccountPlanned reports whether a tencentlive_account of this plan creates userID.
func (w *Walk) AccountPlanned(userID string) bool {
	_, ok := w.plannedAccounts.Load(userID)
	return ok
}
