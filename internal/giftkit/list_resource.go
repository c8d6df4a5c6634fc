package giftkit

import (
	"context"
	"fmt"
	"slices"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
)

var (
	_ list.ListResourceWithConfigure      = &ListResource[struct{}]{}
	_ list.ListResourceWithValidateConfig = &ListResource[struct{}]{}
)

// ListResource is the list resource of a ListKind, for `terraform query`: the kind's objects
// of the application's catalogue as identities (and, with include_resource, as the objects an
// import would read), so that a catalogue made in the console is adopted with
// `terraform query -generate-config-out` and an import-only plan. The gift and the category
// lists are each one of these.
type ListResource[R any] struct {
	kind ListKind[R]
	data *tfkit.ProviderData
}

// NewListResource returns the list resource of k; data is set by Configure when nil.
func NewListResource[R any](k ListKind[R], data *tfkit.ProviderData) *ListResource[R] {
	return &ListResource[R]{kind: k, data: data}
}

func (l *ListResource[R]) Metadata(_ context.Context, req resource.MetadataRequest, resp *resource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + l.kind.TypeSuffix
}

func (l *ListResource[R]) Configure(_ context.Context, req resource.ConfigureRequest, resp *resource.ConfigureResponse) {
	l.data = tfkit.ProviderDataOf(req.ProviderData, &resp.Diagnostics)
}

func (l *ListResource[R]) ListResourceConfigSchema(_ context.Context, _ list.ListResourceSchemaRequest, resp *list.ListResourceSchemaResponse) {
	resp.Schema = l.kind.Schema()
}

func (l *ListResource[R]) ValidateListResourceConfig(ctx context.Context, req list.ValidateConfigRequest, resp *list.ValidateConfigResponse) {
	q, diags := l.kind.query(ctx, req.Config)
	resp.Diagnostics.Append(diags...)
	if !resp.Diagnostics.HasError() {
		l.kind.Validate(q, &resp.Diagnostics)
	}
}

// List reads the catalogue once and sends the results only when every object is known: a
// query that fails (its retries spent within the timeout) answers one error and no objects, so
// `-generate-config-out` never writes half a catalogue.
func (l *ListResource[R]) List(ctx context.Context, req list.ListRequest, stream *list.ListResultsStream) {
	summary := "Unable to list " + l.kind.plural()
	q, diags := l.kind.query(ctx, req.Config)
	c := l.data.APIClient(summary, diags.AddError)
	timeout, err := tfkit.ListTimeout(q.Timeout)
	if err != nil {
		diags.AddAttributeError(path.Root("timeout"), summary, err.Error())
	}
	if diags.HasError() || c == nil {
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	found, failure := l.kind.Find(ctx, SessionOf(l.data), c, q, req.Limit)
	if failure != nil {
		failure.Add(&diags, summary)
		stream.Results = list.ListResultsStreamDiagnostics(diags)
		return
	}
	results := make([]list.ListResult, len(found))
	for i, r := range found {
		results[i] = req.NewListResult(ctx)
		results[i].DisplayName = l.kind.displayName(r)
		results[i].Diagnostics.Append(results[i].Identity.SetAttribute(ctx, path.Root(l.kind.IdentityAttribute), l.kind.ID(r))...)
		results[i].Diagnostics.Append(results[i].Identity.SetAttribute(ctx, path.Root(tfkit.SDKAppIDAttribute), int64(c.SDKAppID()))...) //nolint:gosec // 32-bit (wire.Config checks)
		if req.IncludeResource {
			results[i].Diagnostics.Append(l.kind.setAsImported(ctx, r, results[i].Resource)...)
		}
	}
	stream.Results = slices.Values(results)
}

// query reads a list block's configuration, whose attributes the kind names.
func (k ListKind[R]) query(ctx context.Context, config tfsdk.Config) (ListQuery, diag.Diagnostics) {
	var q ListQuery
	var diags diag.Diagnostics
	diags.Append(config.GetAttribute(ctx, path.Root(k.PrefixAttribute), &q.Prefix)...)
	diags.Append(config.GetAttribute(ctx, path.Root(k.IDsAttribute), &q.IDs)...)
	diags.Append(config.GetAttribute(ctx, path.Root("timeout"), &q.Timeout)...)
	return q, diags
}

// displayName is "Default name (id)", or the ID alone when the name adds nothing.
func (k ListKind[R]) displayName(r R) string {
	id, name := k.ID(r), k.DefaultName(r)
	if name != "" && name != id {
		return fmt.Sprintf("%s (%s)", name, id)
	}
	return id
}

// setAsImported sets res to the object an import of r reads: what ImportState records (the
// ID attribute and id), then the kind's Read flatten over it. Configuration generated from it
// plans import-only.
func (k ListKind[R]) setAsImported(ctx context.Context, r R, res *tfsdk.Resource) diag.Diagnostics {
	var diags diag.Diagnostics
	diags.Append(res.SetAttribute(ctx, path.Root(k.IdentityAttribute), k.ID(r))...)
	diags.Append(res.SetAttribute(ctx, path.Root("id"), k.ID(r))...)
	if !diags.HasError() {
		diags.Append(k.FlattenImported(ctx, r, res)...)
	}
	return diags
}
