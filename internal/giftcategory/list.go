package giftcategory

import (
	"context"
	"fmt"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/giftkit"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

// NewList returns the tencentlive_gift_category list resource, for `terraform query`: the
// categories of the application's catalogue with the gifts each shows, so that generated
// configuration puts the links under management too (giftkit.ListResource).
func NewList() list.ListResource { return giftkit.NewListResource(listKind, nil) }

// listKind is what finds categories for the list (internal/giftkit/list.go).
var listKind = giftkit.ListKind[wire.GiftCategoryRecord]{
	Noun:              "gift category",
	PrefixAttribute:   "category_id_prefix",
	IDsAttribute:      "category_ids",
	MaxIDBytes:        livespec.MaxCategoryIDBytes,
	DocumentedReads:   fmt.Sprintf("get_gift_category, get_gift_category_language and get_gift_category_relations (%d calls)", 2+len(livespec.GiftLanguages)),
	TypeSuffix:        "_gift_category",
	IdentityAttribute: "category_id",
	FromCatalog:       func(cat wire.GiftCatalog) []wire.GiftCategoryRecord { return cat.Categories },
	ID:                func(c wire.GiftCategoryRecord) string { return c.ID },
	DefaultName:       func(c wire.GiftCategoryRecord) string { return c.DefaultName },
	FlattenImported:   flattenImported,
	ReadOne:           (*wire.Client).ReadGiftCategory,
	NotFound:          wire.ErrGiftCategoryNotFound,
}

// flattenImported sets an imported category's state as Read's flattenCategory does, gift_ids
// included.
func flattenImported(ctx context.Context, c wire.GiftCategoryRecord, r *tfsdk.Resource) diag.Diagnostics {
	var m categoryModel
	diags := r.Get(ctx, &m)
	if diags.HasError() {
		return diags
	}
	diags.Append(flattenCategory(ctx, c, &m)...)
	diags.Append(r.Set(ctx, &m)...)
	return diags
}
