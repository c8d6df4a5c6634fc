package account

import (
	"context"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
)

var (
	_ resource.ResourceWithConfigure   = &accountResource{}
	_ resource.ResourceWithImportState = &accountResource{}
	_ resource.ResourceWithModifyPlan  = &accountResource{}
)

// accountResource is tencentlive_account: one user of the application's account system (shared
// with Chat), for example a room host. The API family has no profile read, so nick and face_url
// are what this resource last sent, never what the service holds.
type accountResource struct {
	data *tfkit.ProviderData
}

// NewResource returns the tencentlive_account resource.
func NewResource() resource.Resource { return &accountResource{} }

// Account operations are single small requests; these bound them, retries included.
const defaultAccountTimeout = 2 * time.Minute

func (a *accountResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_account"
}

func (a *accountResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	a.data = tfkit.ProviderDataOf(req.ProviderData, &resp.Diagnostics)
}
