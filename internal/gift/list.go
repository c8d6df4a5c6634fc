package gift

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
	_ list.ListResourceWithConfigure      = &giftList{}
	_ list.ListResourceWithValidateConfig = &giftList{}
)

// giftList is the tencentlive_gift list resource, for `terraform query`: the gifts of the
// application's catalogue as identities (and, with include_resource, as the objects an import
// would read), so that a catalogue made in the console is adopted with
// `terraform query -generate-config-out` and an import-only plan.
type giftList struct {
	data *tfkit.ProviderData
}

// NewList returns the tencentlive_gift list resource.
func NewList() list.ListResource { return &giftList{} }

// listKind is what finds gifts for the list (internal/giftkit/list.go).
var listKind = giftkit.ListKind[wire.GiftRecord]{
	Noun:            "gift",
	PrefixAttribute: "gift_id_prefix",
	IDsAttribute:    "gift_ids",
	MaxIDBytes:      livespec.MaxGiftIDBytes,
	DocumentedReads: fmt.Sprintf("get_gift and get_gift_language (%d calls)", 1+len(livespec.GiftLanguages)),
	FromCatalog:     func(cat wire.GiftCatalog) []wire.GiftRecord { return cat.Gifts },
	ID:              func(g wire.GiftRecord) string { return g.ID },
	ReadOne:         (*wire.Client).ReadGift,
	NotFound:        wire.ErrGiftNotFound,
}

type giftListModel struct {
	GiftIDPrefix types.String `tfsdk:"gift_id_prefix"`
	GiftIDs      types.List   `tfsdk:"gift_ids"`
	Timeout      types.String `tfsdk:"timeout"`
}

func (m giftListModel) query() giftkit.ListQuery {
	return giftkit.ListQuery{Prefix: m.GiftIDPrefix, IDs: m.GiftIDs, Timeout: m.Timeout}
}

func (l *giftList) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_gift"
}

func (l *giftList) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	l.data = tfkit.ProviderDataOf(req.ProviderData, &resp.Diagnostics)
}

func (l *giftList) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = listKind.Schema()
}

func (l *giftList) ValidateListResourceConfig(ctx context.Context, req list.ValidateConfigRequest, resp *list.ValidateConfigResponse) {
	var m giftListModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if !resp.Diagnostics.HasError() {
		listKind.Validate(m.query(), &resp.Diagnostics)
	}
}

// List reads the catalogue once and sends the results only when every gift is known: a query
// that fails (its retries spent within the timeout) answers one error and no gifts, so
// `-generate-config-out` never writes half a catalogue.
func (l *giftList) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	const summary = "Unable to list gifts"
	var diags diag.Diagnostics
	var m giftListModel
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
	gifts, failure := listKind.Find(ctx, giftkit.SessionOf(l.data), c, m.query(), req.Limit)
	if failure != nil {
		failure.Add(&diags, summary)
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	results := make([]list.ListResult, len(gifts))
	for i, g := range gifts {
		results[i] = req.NewListResult(ctx)
		results[i].DisplayName = displayName(g)
		results[i].Diagnostics.Append(results[i].Identity.SetAttribute(ctx, path.Root("gift_id"), g.ID)...)
		results[i].Diagnostics.Append(results[i].Identity.SetAttribute(ctx, path.Root(tfkit.SDKAppIDAttribute), int64(c.SDKAppID()))...) //nolint:gosec // 32-bit (wire.Config checks)
		if req.IncludeResource {
			results[i].Diagnostics.Append(setAsImported(ctx, g, results[i].Resource)...)
		}
	}
	stream.Results = slices.Values(results)
}

func displayName(g wire.GiftRecord) string {
	if g.DefaultName != "" && g.DefaultName != g.ID {
		return fmt.Sprintf("%s (%s)", g.DefaultName, g.ID)
	}
	return g.ID
}

// setAsImported sets r to the object an import of g reads: what ImportState records, then
// Read's flattenGift over it. Configuration generated from it plans import-only.
func setAsImported(ctx context.Context, g wire.GiftRecord, r *tfsdk.Resource) diag.Diagnostics {
	var diags diag.Diagnostics
	diags.Append(r.SetAttribute(ctx, path.Root("gift_id"), g.ID)...)
	diags.Append(r.SetAttribute(ctx, path.Root("id"), g.ID)...)
	var m giftModel
	diags.Append(r.Get(ctx, &m)...)
	if diags.HasError() {
		return diags
	}
	diags.Append(flattenGift(ctx, g, &m)...)
	diags.Append(r.Set(ctx, &m)...)
	return diags
}
