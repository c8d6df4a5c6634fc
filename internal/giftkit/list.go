package giftkit

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/list/schema"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

// What the tencentlive_gift and tencentlive_gift_category list resources share: their
// configuration (an ID prefix, a list of IDs, a timeout), its checks, and finding the objects in
// the catalogue.

// ListQuery is a list block's configuration, named by the kind's attributes.
type ListQuery struct {
	Prefix  types.String
	IDs     types.List
	Timeout types.String
}

// ListKind is what the gift and the category lists differ in; R is the record listed.
type ListKind[R any] struct {
	Noun            string // "gift" or "gift category"
	PrefixAttribute string // gift_id_prefix
	IDsAttribute    string // gift_ids
	MaxIDBytes      int
	DocumentedReads string // the commands that read one object without the bulk read, for the docs

	TypeSuffix        string // "_gift": the resource type after the provider's name
	IdentityAttribute string // gift_id: the ID's attribute, in the identity and in the resource

	FromCatalog func(wire.GiftCatalog) []R
	ID          func(R) string
	DefaultName func(R) string
	// FlattenImported sets an imported object's state (its ID attributes set) as Read does.
	FlattenImported func(ctx context.Context, r R, res *tfsdk.Resource) diag.Diagnostics
	ReadOne         func(c *wire.Client, ctx context.Context, id string) (R, error) // a wire.Client method
	NotFound        error                                                           // what ReadOne wraps when the object does not exist
}

// Schema is the list block's configuration schema.
func (k ListKind[R]) Schema() schema.Schema {
	plural := k.plural()
	return schema.Schema{
		Description: fmt.Sprintf("The %s of the application's gift catalogue, for `terraform query`: as identities, and with include_resource "+
			"as the objects an import reads, so `terraform query -generate-config-out` writes their configuration and import blocks. "+
			"Read with one get_gift_info_list call, the bulk read Tencent's console uses. Where the service does not serve it, only "+
			"the %s named in %s are returned, each read with %s, every command at %d call per second. With neither filter set, every "+
			"%s is returned; with both, those under the prefix and those named.",
			plural, plural, k.IDsAttribute, k.DocumentedReads, livespec.GiftConfigRate, k.Noun),
		Attributes: map[string]schema.Attribute{
			k.PrefixAttribute: schema.StringAttribute{
				Optional: true,
				Description: fmt.Sprintf("Only %s whose ID starts with this, 1 to %d bytes. An empty prefix is refused (it would read as a "+
					"filter but match everything). Needs the bulk read.", plural, k.MaxIDBytes),
				Validators: []validator.String{tfkit.ByteLength{Min: 1, Max: k.MaxIDBytes, Code: livespec.CodeInvalidParam}},
			},
			k.IDsAttribute: schema.ListAttribute{
				ElementType: types.StringType,
				Optional:    true,
				Description: fmt.Sprintf("Only these %s (and, with %s, those under the prefix), each ID 1 to %d bytes. A listed %s that "+
					"does not exist is an error; an empty list is refused (it would match nothing).", plural, k.PrefixAttribute, k.MaxIDBytes, k.Noun),
			},
			"timeout": schema.StringAttribute{
				Optional: true,
				Description: fmt.Sprintf("How long the whole query may take, retries of refused (100012, 60007) and failed requests "+
					"included, as a Go duration (\"90s\", \"10m\"). Default %s.", tfkit.DefaultListTimeout),
			},
		},
	}
}

// Validate refuses what the attribute validators cannot see: an empty ID list, an entry that
// is no ID, a timeout that is no duration.
func (k ListKind[R]) Validate(q ListQuery, diags *diag.Diagnostics) {
	if tfkit.Known(q.IDs) && len(q.IDs.Elements()) == 0 {
		diags.AddAttributeError(path.Root(k.IDsAttribute), "Invalid "+k.IDsAttribute, fmt.Sprintf(
			"%s is empty, so it would match no %s. Name at least one, or leave it unset to list every %s.", k.IDsAttribute, k.Noun, k.Noun))
	}
	for _, id := range knownStrings(q.IDs) {
		if msg := (tfkit.ByteLength{Min: 1, Max: k.MaxIDBytes, Code: livespec.CodeInvalidParam}).Check(k.IDsAttribute+" entry", id); msg != "" {
			diags.AddAttributeError(path.Root(k.IDsAttribute), "Invalid "+k.IDsAttribute, msg)
		}
	}
	if _, err := tfkit.ListTimeout(q.Timeout); err != nil {
		diags.AddAttributeError(path.Root("timeout"), "Invalid timeout", err.Error())
	}
}

// ListFailure is why a query found nothing: the attribute it is about (if any) and the error.
type ListFailure struct {
	Subject   string // `Gift "rose"`, or "Gift catalogue"
	Attribute string
	Err       error
}

// Add appends the failure's diagnostic.
func (f ListFailure) Add(diags *diag.Diagnostics, summary string) {
	note := ""
	if errors.Is(f.Err, context.DeadlineExceeded) {
		note = "The query's timeout ran out before the catalogue was read; raise the list block's timeout if the service is slow."
	}
	var we *wire.Error
	if f.Attribute != "" && !errors.As(f.Err, &we) { // our own finding, or no answer: the attribute is known
		detail := fmt.Sprintf("%s: %s", f.Subject, f.Err)
		if note != "" {
			detail += "\n\n" + note
		}
		diags.AddAttributeError(path.Root(f.Attribute), summary, detail)
		return
	}
	AddAPIError(diags, Failure{Summary: summary, Subject: f.Subject, Note: note}, f.Err,
		func(livespec.Code, string) string { return f.Attribute })
}

// Find returns what q selects, sorted by ID, at most limit (0: no limit): from the catalogue of
// the bulk read, or read one by one where it is not served. A failure returns nothing, so a
// query never shows part of the catalogue.
func (k ListKind[R]) Find(ctx context.Context, s *Session, c *wire.Client, q ListQuery, limit int64) ([]R, *ListFailure) {
	named := knownStrings(q.IDs)
	all, bulk, err := s.Catalog(ctx, c)
	if err != nil {
		return nil, &ListFailure{Subject: "Gift catalogue", Err: err}
	}
	var found []R
	if bulk {
		found, err = k.pick(k.FromCatalog(all), q, named)
		if err != nil {
			return nil, &ListFailure{Subject: "Gift catalogue", Attribute: k.IDsAttribute, Err: err}
		}
	} else {
		if f := k.needsBulkRead(q, named); f != nil {
			return nil, f
		}
		for _, id := range named {
			rec, err := k.ReadOne(c, ctx, id)
			if errors.Is(err, k.NotFound) {
				return nil, &ListFailure{Subject: "Gift catalogue", Attribute: k.IDsAttribute, Err: k.missing(id)}
			}
			if err != nil {
				return nil, &ListFailure{Subject: fmt.Sprintf("%s %q", k.subjectNoun(), id), Attribute: k.IDsAttribute, Err: err}
			}
			found = append(found, rec)
		}
	}
	slices.SortFunc(found, func(a, b R) int { return cmp.Compare(k.ID(a), k.ID(b)) })
	if limit > 0 && int64(len(found)) > limit {
		found = found[:limit]
	}
	return found, nil
}

// pick selects from all: those under the prefix and those named; with neither, all. A named
// ID that is not there is an error.
func (k ListKind[R]) pick(all []R, q ListQuery, named []string) ([]R, error) {
	have := map[string]bool{}
	var out []R
	for _, rec := range all {
		id := k.ID(rec)
		have[id] = true
		if selects(q, named, id) {
			out = append(out, rec)
		}
	}
	for _, id := range named {
		if !have[id] {
			return nil, k.missing(id)
		}
	}
	return out, nil
}

// selects reports whether q selects id.
func selects(q ListQuery, named []string, id string) bool {
	prefixed := tfkit.Known(q.Prefix)
	if !prefixed && named == nil {
		return true
	}
	return prefixed && strings.HasPrefix(id, q.Prefix.ValueString()) || slices.Contains(named, id)
}

// needsBulkRead is the failure of a query the documented reads cannot answer: they read an
// object by its ID, so without the bulk read only named objects can be listed.
func (k ListKind[R]) needsBulkRead(q ListQuery, named []string) *ListFailure {
	attribute, what := k.PrefixAttribute, "finding "+k.plural()+" by "+k.PrefixAttribute
	switch {
	case tfkit.Known(q.Prefix):
	case named == nil:
		attribute, what = k.IDsAttribute, "listing every "+k.Noun
	default:
		return nil
	}
	return &ListFailure{Subject: "Gift catalogue", Attribute: attribute, Err: fmt.Errorf(
		"%s needs the bulk read get_gift_info_list, which the service does not serve (the documented commands read a %s "+
			"only by its ID). Name the %s in %s instead; each is then read with %s",
		what, k.Noun, k.plural(), k.IDsAttribute, k.DocumentedReads)}
}

func (k ListKind[R]) missing(id string) error {
	return fmt.Errorf("%s lists %q, which is not in the application's gift catalogue", k.IDsAttribute, id)
}

// plural is the noun's plural: gifts, gift categories.
func (k ListKind[R]) plural() string {
	if strings.HasSuffix(k.Noun, "y") {
		return strings.TrimSuffix(k.Noun, "y") + "ies"
	}
	return k.Noun + "s"
}

// subjectNoun is the noun capitalised, as diagnostics open with it.
func (k ListKind[R]) subjectNoun() string { return strings.ToUpper(k.Noun[:1]) + k.Noun[1:] }

// knownStrings returns the known strings of l (nil when l is null or unknown).
func knownStrings(l types.List) []string {
	if !tfkit.Known(l) {
		return nil
	}
	ids := []string{}
	for _, e := range l.Elements() {
		if s, ok := e.(types.String); ok && tfkit.Known(s) {
			ids = append(ids, s.ValueString())
		}
	}
	return ids
}
