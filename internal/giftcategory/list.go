package giftcategory

import (
	"context"
	"fmt"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/giftkit"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

var (
	_ list.ListResourceWithConfigure      = &categoryList{}
	_ list.ListResourceWithValidateConfig = &categoryList{}
)

// categoryList is the tencentlive_gift_category list resource, for `terraform query`: the
// categories of the application's catalogue with the gifts each shows, so that configuration
// generated with `terraform query -generate-config-out` puts the links under management too.
type categoryList struct {
	data *tfkit.ProviderData
}

// NewList returns the tencentlive_gift_category list resource.
func NewList() list.ListResource { return &categoryList{} }

// listKind is what finds categories for the list (internal/giftkit/list.go).
var listKind = giftkit.ListKind[wire.GiftCategoryRecord]{
	Noun:            "gift category",
	PrefixAttribute: "category_id_prefix",
	IDsAttribute:    "category_ids",
	MaxIDBytes:      livespec.MaxCategoryIDBytes,
	DocumentedReads: fmt.Sprintf("get_gift_category, get_gift_category_language and get_gift_category_relations (%d calls)", 2+len(livespec.GiftLanguages)),
	FromCatalog:     func(cat wire.GiftCatalog) []wire.GiftCategoryRecord { return cat.Categories },
	ID:              func(c wire.GiftCategoryRecord) string { return c.ID },
	ReadOne:         (*wire.Client).ReadGiftCategory,
	NotFound:        wire.ErrGiftCategoryNotFound,
}

type categoryListModel struct {
	CategoryIDPrefix types.String `tfsdk:"category_id_prefix"`
	CategoryIDs      types.List   `tfsdk:"category_ids"`
	Timeout          types.String `tfsdk:"timeout"`
}

func (m categoryListModel) query() giftkit.ListQuery {
	return giftkit.ListQuery{Prefix: m.CategoryIDPrefix, IDs: m.CategoryIDs, Timeout: m.Timeout}
}

func (l *categoryList) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_gift_category"
}

func (l *categoryList) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	l.data = tfkit.ProviderDataOf(req.ProviderData, &resp.Diagnostics)
}

func (l *categoryList) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = listKind.Schema()
}

func (l *categoryList) ValidateListResourceConfig(ctx context.Context, req list.ValidateConfigRequest, resp *list.ValidateConfigResponse) {
	var m categoryListModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if !resp.Diagnostics.HasError() {
		listKind.Validate(m.query(), &resp.Diagnostics)
	}
}

// List is the gift list's List (internal/gift/list.go) for categories: one read, and no
// result unless every category is known.
func (l *categoryList) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	const summary = "Unable to list gift categories"
	var diags diag.Diagnostics
	var m categoryListModel
	diags.Append(req.Config.Get(ctx, &m)...)
	c := l.data.APIClient(summary, diags.AddError)
	timeout, err := giftkit.ListTimeout(m.Timeout)
	if err != nil {
		diags.AddAttributeError(path.Root("timeout"), summary, err.Error())
	}
	if diags.HasError() || c == nil {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	categories, failure := listKind.Find(ctx, giftkit.SessionOf(l.data), c, m.query(), req.Limit)
	if failure != nil {
		failure.Add(&diags, summary)
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	results := make([]list.ListResult, len(categories))
	for i, cat := range categories {
		results[i] = req.NewListResult(ctx)
		results[i].DisplayName = displayName(cat)
		results[i].Diagnostics.Append(results[i].Identity.SetAttribute(ctx, path.Root("category_id"), cat.ID)...)
		results[i].Diagnostics.Append(results[i].Identity.SetAttribute(ctx, path.Root(tfkit.SDKAppIDAttribute), int64(c.SDKAppID()))...) //nolint:gosec // 32-bit (wire.Config checks)
		if req.IncludeResource {
			results[i].Diagnostics.Append(setAsImported(ctx, cat, results[i].Resource)...)
		}
	}
	stream.Results = slices.Values(results)
}

func displayName(c wire.GiftCategoryRecord) string {
	if c.DefaultName != "" && c.DefaultName != c.ID {
		return fmt.Sprintf("%s (%s)", c.DefaultName, c.ID)
	}
	return c.ID
}

// setAsImported sets r to the object an import of c reads: what ImportState records, then
// Read's flattenCategory over it, gift_ids included.
func setAsImported(ctx context.Context, c wire.GiftCategoryRecord, r *tfsdk.Resource) diag.Diagnostics {
	var diags diag.Diagnostics
	diags.Append(r.SetAttribute(ctx, path.Root("category_id"), c.ID)...)
	diags.Append(r.SetAttribute(ctx, path.Root("id"), c.ID)...)
	var m categoryModel
	diags.Append(r.Get(ctx, &m)...)
	if diags.HasError() {
		return diags
	}
	diags.Append(flattenCategory(ctx, c, &m)...)
	diags.Append(r.Set(ctx, &m)...)
	return diags
}
