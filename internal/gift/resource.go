// Package gift is tencentlive_gift, one gift of the application's gift panel, and the
// tencentlive_gifts data source, the whole catalogue. One file per job, as internal/room; what
// the gift and the category share is in internal/giftkit.
package gift

import (
	"context"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/giftkit"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
)

var (
	_ resource.ResourceWithConfigure   = &giftResource{}
	_ resource.ResourceWithImportState = &giftResource{}
	_ resource.ResourceWithModifyPlan  = &giftResource{}
)

// giftResource is tencentlive_gift.
type giftResource struct {
	data *tfkit.ProviderData
}

// NewResource returns the tencentlive_gift resource.
func NewResource() resource.Resource { return &giftResource{} }

// Every gift command is paced at 1 call/s per command and application, so a gift of a large
// catalogue may wait tens of seconds for its set_gift_language slot: the default timeouts
// leave room for a catalogue of the documented quota several times over.
const defaultTimeout = 10 * time.Minute

func (r *giftResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_gift"
}

func (r *giftResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.data = tfkit.ProviderDataOf(req.ProviderData, &resp.Diagnostics)
}

// call is one of this resource's CRUD calls: giftkit.Call opens them all the same way.
func (r *giftResource) call(summary string, get giftkit.Getter, timeout giftkit.TimeoutOf) giftkit.Call[giftModel] {
	return giftkit.Call[giftModel]{Data: r.data, Summary: summary, Get: get, Timeout: timeout, Default: defaultTimeout}
}
