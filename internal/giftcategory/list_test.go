package giftcategory

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/tfsdk"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-go/tftypes"

	"github.com/tencentlive/terraform-provider-tencentlive/emulator"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/emutest"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/giftkit"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
)

// The categories come with their identities and, as an import reads them, the gifts they show
// and their translations; the prefix filter narrows them.
func TestCategoryListResults(t *testing.T) {
	ctx := context.Background()
	_, url := emutest.ServeCatalog(t, emulator.Options{}, emulator.GiftCatalog{
		Gifts: []emulator.Gift{{GiftID: "rose", DefaultName: "Rose", Coins: 1}, {GiftID: "car", DefaultName: "Car", Coins: 9}},
		Categories: []emulator.GiftCategory{
			{CategoryID: "hot", DefaultName: "Hot", GiftIDs: []string{"rose", "car"}, Languages: map[string]emulator.GiftText{"en": {Name: "Hot"}}},
			{CategoryID: "new", DefaultName: "New", DefaultDesc: "Just in", GiftIDs: []string{}},
		},
	})
	l := giftkit.NewListResource(listKind, &tfkit.ProviderData{Client: emutest.RetryingClient(t, url, 0)})
	var schemaResp list.ListResourceSchemaResponse
	l.ListResourceConfigSchema(ctx, list.ListResourceSchemaRequest{}, &schemaResp)
	cfgType, ok := schemaResp.Schema.Type().TerraformType(ctx).(tftypes.Object)
	if !ok {
		t.Fatal("the list configuration is no object")
	}
	r := &categoryResource{}
	var rs resource.SchemaResponse
	r.Schema(ctx, resource.SchemaRequest{}, &rs)
	var is resource.IdentitySchemaResponse
	r.IdentitySchema(ctx, resource.IdentitySchemaRequest{}, &is)
	run := func(prefix any) []list.ListResult {
		cfg := tftypes.NewValue(cfgType, map[string]tftypes.Value{
			"category_id_prefix": tftypes.NewValue(tftypes.String, prefix),
			"category_ids":       tftypes.NewValue(tftypes.List{ElementType: tftypes.String}, nil),
			"timeout":            tftypes.NewValue(tftypes.String, nil),
		})
		var stream list.ListResultsStream
		l.List(ctx, list.ListRequest{Config: tfsdk.Config{Schema: schemaResp.Schema, Raw: cfg}, IncludeResource: true,
			ResourceSchema: rs.Schema, ResourceIdentitySchema: is.IdentitySchema}, &stream)
		var out []list.ListResult
		for res := range stream.Results {
			if res.Diagnostics.HasError() {
				t.Fatal(res.Diagnostics)
			}
			out = append(out, res)
		}
		return out
	}
	results := run(nil)
	if len(results) != 2 {
		t.Fatalf("%d results, want 2", len(results))
	}
	var id types.String
	results[0].Identity.GetAttribute(ctx, path.Root("category_id"), &id)
	var hot, fresh categoryModel
	results[0].Resource.Get(ctx, &hot)
	results[1].Resource.Get(ctx, &fresh)
	if id.ValueString() != "hot" || results[0].DisplayName != "Hot (hot)" {
		t.Errorf("first result %s %q", id, results[0].DisplayName)
	}
	if got := tfkit.SetStrings(hot.GiftIDs); len(got) != 2 || len(hot.Languages.Elements()) != 1 || !hot.DefaultDesc.IsNull() {
		t.Errorf("hot as imported: gift_ids %v, languages %v, default_desc %v", got, hot.Languages, hot.DefaultDesc)
	}
	if fresh.DefaultDesc.ValueString() != "Just in" || len(fresh.GiftIDs.Elements()) != 0 {
		t.Errorf("new as imported: %+v", fresh)
	}
	if got := run("ne"); len(got) != 1 || got[0].DisplayName != "New (new)" {
		t.Errorf("prefix ne: %d results", len(got))
	}
}
