package giftcategory

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/resource"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
)

var _ resource.ResourceWithIdentity = &categoryResource{}

// IdentitySchema: a category is named by its category ID within an application (SDKAppID), like
// the gift. Create, Read and Update end by recording it; the list resource (list.go) answers it.
func (r *categoryResource) IdentitySchema(_ context.Context, _ resource.IdentitySchemaRequest, resp *resource.IdentitySchemaResponse) {
	resp.IdentitySchema = tfkit.IdentitySchema("category_id", fmt.Sprintf("The category ID (CategoryId): 1 to %d bytes.", livespec.MaxCategoryIDBytes))
}
