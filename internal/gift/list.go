package gift

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

// NewList returns the tencentlive_gift list resource, for `terraform query`: the gifts of the
// application's catalogue (giftkit.ListResource).
func NewList() list.ListResource { return giftkit.NewListResource(listKind, nil) }

// listKind is what finds gifts for the list (internal/giftkit/list.go).
var listKind = giftkit.ListKind[wire.GiftRecord]{
	Noun:              "gift",
	PrefixAttribute:   "gift_id_prefix",
	IDsAttribute:      "gift_ids",
	MaxIDBytes:        livespec.MaxGiftIDBytes,
	DocumentedReads:   fmt.Sprintf("get_gift and get_gift_language (%d calls)", 1+len(livespec.GiftLanguages)),
	TypeSuffix:        "_gift",
	IdentityAttribute: "gift_id",
	FromCatalog:       func(cat wire.GiftCatalog) []wire.GiftRecord { return cat.Gifts },
	ID:                func(g wire.GiftRecord) string { return g.ID },
	DefaultName:       func(g wire.GiftRecord) string { return g.DefaultName },
	FlattenImported:   flattenImported,
	ReadOne:           (*wire.Client).ReadGift,
	NotFound:          wire.ErrGiftNotFound,
}

// flattenImported sets an imported gift's state as Read's flattenGift does.
func flattenImported(ctx context.Context, g wire.GiftRecord, r *tfsdk.Resource) diag.Diagnostics {
	var m giftModel
	diags := r.Get(ctx, &m)
	if diags.HasError() {
		return diags
	}
	diags.Append(flattenGift(ctx, g, &m)...)
	diags.Append(r.Set(ctx, &m)...)
	return diags
}
