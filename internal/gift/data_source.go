package gift

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/giftkit"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

var _ datasource.DataSourceWithConfigure = &giftsDataSource{}

// giftsDataSource is tencentlive_gifts: the application's gift catalogue, from one bulk read
// (get_gift_info_list) or, where that is not served, the documented reads of the gifts and
// categories it names.
type giftsDataSource struct {
	data *tfkit.ProviderData
}

// NewGiftsDataSource returns the tencentlive_gifts data source.
func NewGiftsDataSource() datasource.DataSource { return &giftsDataSource{} }

type giftsDataModel struct {
	GiftIDs     types.Set           `tfsdk:"gift_ids"`
	CategoryIDs types.Set           `tfsdk:"category_ids"`
	BulkRead    types.Bool          `tfsdk:"bulk_read"`
	Gifts       []giftDataModel     `tfsdk:"gifts"`
	Categories  []categoryDataModel `tfsdk:"categories"`
}

type textData struct {
	Name types.String `tfsdk:"name"`
	Desc types.String `tfsdk:"desc"`
}

type giftDataModel struct {
	GiftID        types.String        `tfsdk:"gift_id"`
	DefaultName   types.String        `tfsdk:"default_name"`
	DefaultDesc   types.String        `tfsdk:"default_desc"`
	Coins         types.Int64         `tfsdk:"coins"`
	Level         types.Int64         `tfsdk:"level"`
	IconURL       types.String        `tfsdk:"icon_url"`
	ResourceURL   types.String        `tfsdk:"resource_url"`
	ExtensionInfo types.String        `tfsdk:"extension_info"`
	CreateTime    types.Int64         `tfsdk:"create_time"`
	Languages     map[string]textData `tfsdk:"languages"`
}

type categoryDataModel struct {
	CategoryID    types.String        `tfsdk:"category_id"`
	DefaultName   types.String        `tfsdk:"default_name"`
	DefaultDesc   types.String        `tfsdk:"default_desc"`
	ExtensionInfo types.String        `tfsdk:"extension_info"`
	GiftIDs       []string            `tfsdk:"gift_ids"`
	Languages     map[string]textData `tfsdk:"languages"`
}

func (d *giftsDataSource) Metadata(_ context.Context, req datasource.MetadataRequest, resp *datasource.MetadataResponse) {
	resp.TypeName = req.ProviderTypeName + "_gifts"
}

func (d *giftsDataSource) Configure(_ context.Context, req datasource.ConfigureRequest, resp *datasource.ConfigureResponse) {
	d.data = tfkit.ProviderDataOf(req.ProviderData, &resp.Diagnostics)
}

func textAttributes() map[string]schema.Attribute {
	return map[string]schema.Attribute{
		"name": schema.StringAttribute{Computed: true, Description: "Name in this language."},
		"desc": schema.StringAttribute{Computed: true, Description: "Description in this language (\"\" when none)."},
	}
}

func (d *giftsDataSource) Schema(_ context.Context, _ datasource.SchemaRequest, resp *datasource.SchemaResponse) {
	langs := strings.Join(livespec.GiftLanguages, ", ")
	resp.Schema = schema.Schema{
		Description: "The application's gift catalogue: gifts, categories, their translations and which gifts each category " +
			"shows. Read with one get_gift_info_list call (the bulk read Tencent's console uses), so a catalogue of any size " +
			"costs about a second. Where the service does not serve the bulk read, list gift_ids and category_ids: each gift " +
			fmt.Sprintf("is then read with get_gift and get_gift_language (%d calls) and each category with %d calls, every ", 1+len(livespec.GiftLanguages), 2+len(livespec.GiftLanguages)) +
			"command at 1 call per second.",
		Attributes: map[string]schema.Attribute{
			"gift_ids": schema.SetAttribute{
				Optional:    true,
				ElementType: types.StringType,
				Description: "Read only these gifts (all when unset). Needed to read gifts where the bulk read is not served. A listed gift that does not exist is an error.",
			},
			"category_ids": schema.SetAttribute{
				Optional:    true,
				ElementType: types.StringType,
				Description: "Read only these categories (all when unset). Needed to read categories where the bulk read is not served.",
			},
			"bulk_read": schema.BoolAttribute{
				Computed:    true,
				Description: "Whether the catalogue was read with the bulk read get_gift_info_list (false: with the documented per-gift reads).",
			},
			"gifts": schema.ListNestedAttribute{
				Computed:    true,
				Description: "The gifts, sorted by gift_id.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"gift_id":        schema.StringAttribute{Computed: true, Description: "Gift ID."},
					"default_name":   schema.StringAttribute{Computed: true, Description: "Name shown when no translation matches."},
					"default_desc":   schema.StringAttribute{Computed: true, Description: "Description shown when no translation matches."},
					"coins":          schema.Int64Attribute{Computed: true, Description: "Price in the app's virtual currency."},
					"level":          schema.Int64Attribute{Computed: true, Description: "Gift tier."},
					"icon_url":       schema.StringAttribute{Computed: true, Description: "Thumbnail URL."},
					"resource_url":   schema.StringAttribute{Computed: true, Description: "Effect URL."},
					"extension_info": schema.StringAttribute{Computed: true, Description: "Custom JSON text (\"\" when none)."},
					"create_time":    schema.Int64Attribute{Computed: true, Description: "When the gift was created, Unix seconds; 0 when read with the documented reads, which do not answer it."},
					"languages": schema.MapNestedAttribute{
						Computed:     true,
						Description:  "Translations keyed by language code (" + langs + ").",
						NestedObject: schema.NestedAttributeObject{Attributes: textAttributes()},
					},
				}},
			},
			"categories": schema.ListNestedAttribute{
				Computed:    true,
				Description: "The categories, sorted by category_id.",
				NestedObject: schema.NestedAttributeObject{Attributes: map[string]schema.Attribute{
					"category_id":    schema.StringAttribute{Computed: true, Description: "Category ID."},
					"default_name":   schema.StringAttribute{Computed: true, Description: "Name shown when no translation matches."},
					"default_desc":   schema.StringAttribute{Computed: true, Description: "Description shown when no translation matches."},
					"extension_info": schema.StringAttribute{Computed: true, Description: "Custom JSON text (\"\" when none)."},
					"gift_ids":       schema.ListAttribute{Computed: true, ElementType: types.StringType, Description: "IDs of the gifts the category shows, in the service's order (the panel's order)."},
					"languages": schema.MapNestedAttribute{
						Computed:     true,
						Description:  "Translations keyed by language code (" + langs + ").",
						NestedObject: schema.NestedAttributeObject{Attributes: textAttributes()},
					},
				}},
			},
		},
	}
}

func (d *giftsDataSource) Read(ctx context.Context, req datasource.ReadRequest, resp *datasource.ReadResponse) {
	const summary = "Unable to read the gift catalogue"
	var m giftsDataModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &m)...)
	if resp.Diagnostics.HasError() {
		return
	}
	c := d.data.APIClient(summary, resp.Diagnostics.AddError)
	if c == nil {
		return
	}
	cat, err := readCatalog(ctx, c, giftkit.SessionOf(d.data), m)
	if err != nil {
		giftkit.AddAPIError(&resp.Diagnostics, giftkit.Failure{Summary: summary, Subject: "Gift catalogue"}, err, nil)
		return
	}
	m.BulkRead = types.BoolValue(cat.bulk)
	m.Gifts, m.Categories = flattenCatalog(cat.GiftCatalog)
	resp.Diagnostics.Append(resp.State.Set(ctx, &m)...)
}

// readCatalogAnswer is the catalogue the data source shows and how it was read.
type readCatalogAnswer struct {
	wire.GiftCatalog
	bulk bool
}

// errNeedIDs: the bulk read is not served and nothing names what to read.
var errNeedIDs = errors.New("the service does not serve the bulk read get_gift_info_list; list gift_ids and category_ids to read those gifts and categories with the documented commands")

// readCatalog reads what m asks for: filtered from the bulk read, or gift by gift with the
// documented reads.
func readCatalog(ctx context.Context, c *wire.Client, s *giftkit.Session, m giftsDataModel) (readCatalogAnswer, error) {
	giftIDs, categoryIDs := tfkit.SetStrings(m.GiftIDs), tfkit.SetStrings(m.CategoryIDs)
	all, bulk, err := s.Catalog(ctx, c)
	if err != nil {
		return readCatalogAnswer{}, err
	}
	out := readCatalogAnswer{bulk: bulk}
	if bulk {
		for _, g := range all.Gifts {
			if m.GiftIDs.IsNull() || slices.Contains(giftIDs, g.ID) {
				out.Gifts = append(out.Gifts, g)
			}
		}
		for _, cat := range all.Categories {
			if m.CategoryIDs.IsNull() || slices.Contains(categoryIDs, cat.ID) {
				out.Categories = append(out.Categories, cat)
			}
		}
	} else {
		if m.GiftIDs.IsNull() && m.CategoryIDs.IsNull() {
			return out, errNeedIDs
		}
		for _, id := range giftIDs {
			g, err := c.ReadGift(ctx, id)
			if err != nil {
				return out, fmt.Errorf("gift %q: %w", id, err)
			}
			out.Gifts = append(out.Gifts, g)
		}
		for _, id := range categoryIDs {
			cat, err := c.ReadGiftCategory(ctx, id)
			if err != nil {
				return out, fmt.Errorf("category %q: %w", id, err)
			}
			out.Categories = append(out.Categories, cat)
		}
	}
	for _, id := range giftIDs {
		if _, ok := giftkit.FindGift(out.GiftCatalog, id); !ok {
			return out, fmt.Errorf("gift_ids lists %q, which is not in the application's gift catalogue", id)
		}
	}
	for _, id := range categoryIDs {
		if _, ok := giftkit.FindCategory(out.GiftCatalog, id); !ok {
			return out, fmt.Errorf("category_ids lists %q, which is not in the application's gift catalogue", id)
		}
	}
	return out, nil
}

// flattenCatalog is the data source's view of cat, sorted by ID.
func flattenCatalog(cat wire.GiftCatalog) ([]giftDataModel, []categoryDataModel) {
	texts := func(l wire.Languages) map[string]textData {
		out := map[string]textData{}
		for lang, t := range l {
			out[lang] = textData{Name: types.StringValue(t.Name), Desc: types.StringValue(t.Desc)}
		}
		return out
	}
	gifts := make([]giftDataModel, 0, len(cat.Gifts))
	for _, g := range cat.Gifts {
		gifts = append(gifts, giftDataModel{
			GiftID: types.StringValue(g.ID), DefaultName: types.StringValue(g.DefaultName), DefaultDesc: types.StringValue(g.DefaultDesc),
			Coins: types.Int64Value(g.Coins), Level: types.Int64Value(g.Level), IconURL: types.StringValue(g.IconURL),
			ResourceURL: types.StringValue(g.ResourceURL), ExtensionInfo: types.StringValue(g.ExtensionInfo),
			CreateTime: types.Int64Value(g.CreateTime), Languages: texts(g.Languages),
		})
	}
	slices.SortFunc(gifts, func(a, b giftDataModel) int { return strings.Compare(a.GiftID.ValueString(), b.GiftID.ValueString()) })
	categories := make([]categoryDataModel, 0, len(cat.Categories))
	for _, c := range cat.Categories {
		categories = append(categories, categoryDataModel{
			CategoryID: types.StringValue(c.ID), DefaultName: types.StringValue(c.DefaultName), DefaultDesc: types.StringValue(c.DefaultDesc),
			ExtensionInfo: types.StringValue(c.ExtensionInfo), GiftIDs: append([]string{}, c.GiftIDs...), Languages: texts(c.Languages),
		})
	}
	slices.SortFunc(categories, func(a, b categoryDataModel) int {
		return strings.Compare(a.CategoryID.ValueString(), b.CategoryID.ValueString())
	})
	return gifts, categories
}
