package giftkit

import (
	"context"
	"fmt"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

// Timed is a gift or category model: its timeouts block bounds every call.
type Timed interface {
	OperationTimeouts() timeouts.Value
}

// Call is one Create, Read, Update or Delete of a gift or a category.
type Call[M Timed] struct {
	Data    *tfkit.ProviderData
	Summary string // the diagnostics' summary, "Unable to read gift" and so on
	Get     Getter
	Timeout TimeoutOf
	Default time.Duration
}

// TimeoutOf picks the operation's timeout: timeouts.Value.Create, Read, Update or Delete.
type TimeoutOf func(timeouts.Value, context.Context, time.Duration) (time.Duration, diag.Diagnostics)

// Getter reads a model from a plan or state: req.Plan.Get or req.State.Get.
type Getter func(context.Context, any) diag.Diagnostics

// Run is the opening every gift and category call shares: it reads the model, gets the API
// client and runs do with ctx bounded by the timeout. Nothing runs after a diagnostic.
func (call Call[M]) Run(ctx context.Context, diags *diag.Diagnostics, do func(ctx context.Context, c *wire.Client, m *M)) {
	var m M
	diags.Append(call.Get(ctx, &m)...)
	if diags.HasError() {
		return
	}
	c := call.Data.APIClient(call.Summary, diags.AddError)
	if c == nil {
		return
	}
	timeout, d := call.Timeout(m.OperationTimeouts(), ctx, call.Default)
	diags.Append(d...)
	if diags.HasError() {
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	do(ctx, c, &m)
}

// Refresh is what a gift's and a category's Read differ in; R is the record read.
type Refresh[M Timed, R any] struct {
	Call[M]
	Noun string // "Gift" or "Gift category", in the warning when it is gone
	// IDAttribute names the object in its identity (gift_id, category_id).
	IDAttribute string
	ID          func(*M) string
	Fetch       func(s *Session, ctx context.Context, c *wire.Client, id string) (R, bool, error) // a Session method

	AddError func(diags *diag.Diagnostics, summary, id, note string, err error)
	Flatten  func(ctx context.Context, rec R, m *M) diag.Diagnostics
}

// Read reads the object back into state, or removes it from state with a warning when it was
// deleted outside Terraform. A failed read (102001, no gift package, among them) is an error,
// never a deletion.
func (f Refresh[M, R]) Read(ctx context.Context, resp *resource.ReadResponse) {
	defer f.Data.SetIdentity(ctx, resp.Identity, &resp.State, f.IDAttribute, &resp.Diagnostics)
	f.Run(ctx, &resp.Diagnostics, func(ctx context.Context, c *wire.Client, state *M) {
		id := f.ID(state)
		rec, found, err := f.Fetch(SessionOf(f.Data), ctx, c, id)
		if err != nil {
			f.AddError(&resp.Diagnostics, f.Summary, id, "", err)
			return
		}
		if !found {
			resp.Diagnostics.AddWarning(f.Noun+" no longer exists", fmt.Sprintf(
				"%s %q is not in the application's gift catalogue (deleted outside Terraform); removing it from state. The next plan creates it again.", f.Noun, id))
			f.Data.RecordIdentity(ctx, resp.Identity, f.IDAttribute, id, &resp.Diagnostics)
			resp.State.RemoveResource(ctx)
			return
		}
		resp.Diagnostics.Append(f.Flatten(ctx, rec, state)...)
		resp.Diagnostics.Append(resp.State.Set(ctx, state)...)
	})
}
