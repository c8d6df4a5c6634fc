// Package giftcategory is tencentlive_gift_category: one category of the gift panel and the
// set of gifts it shows. One file per job, as internal/room; what it shares with the gift is in
// internal/giftkit.
package giftcategory

import (
	"context"
	"time"

	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/giftkit"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
)

var (
	_ resource.ResourceWithConfigure   = &categoryResource{}
	_ resource.ResourceWithImportState = &categoryResource{}
	_ resource.ResourceWithModifyPlan  = &categoryResource{}
)

// categoryResource is tencentlive_gift_category.
type categoryResource struct {
	data *tfkit.ProviderData
}

// NewResource returns the tencentlive_gift_category resource.
func NewResource() resource.Resource { return &categoryResource{} }

// The gift commands run at 1 call/s each; see the gift resource's defaultTimeout.
const defaultTimeout = 10 * time.Minute

func (r *categoryResource) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_gift_category"
}

func (r *categoryResource) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	r.data = tfkit.ProviderDataOf(req.ProviderData, &resp.Diagnostics)
}

// call is one of this resource's CRUD calls: giftkit.Call opens them all the same way.
func (r *categoryResource) call(summary string, get giftkit.Getter, timeout giftkit.TimeoutOf) giftkit.Call[categoryModel] {
	return giftkit.Call[categoryModel]{Data: r.data, Summary: summary, Get: get, Timeout: timeout, Default: defaultTimeout}
}
