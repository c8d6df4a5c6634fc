package gift

import (
	"context"
	"strings"
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
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

var consoleCatalog = emulator.GiftCatalog{
	Gifts: []emulator.Gift{
		{GiftID: "rose", DefaultName: "Rose", Coins: 10, IconURL: "https://cdn/rose.png", ExtensionInfo: `{"rank":"1"}`,
			Languages: map[string]emulator.GiftText{"en": {Name: "Rose"}, "zh-Hans": {Name: "玫瑰", Desc: "一朵玫瑰"}}},
		{GiftID: "car", DefaultName: "car", Coins: 900, Level: 3},
	},
}

// runList runs l.List with the config lines {attribute: value} as Terraform would send them.
func runList(t *testing.T, l *giftkit.ListResource[wire.GiftRecord], includeResource bool, config map[string]tftypes.Value) []list.ListResult {
	t.Helper()
	ctx := context.Background()
	var schemaResp list.ListResourceSchemaResponse
	l.ListResourceConfigSchema(ctx, list.ListResourceSchemaRequest{}, &schemaResp)
	cfgType, ok := schemaResp.Schema.Type().TerraformType(ctx).(tftypes.Object)
	if !ok {
		t.Fatal("the list configuration is no object")
	}
	values := map[string]tftypes.Value{}
	for name, typ := range cfgType.AttributeTypes {
		values[name] = tftypes.NewValue(typ, nil)
	}
	for name, v := range config {
		values[name] = v
	}
	r := &giftResource{}
	var rs resource.SchemaResponse
	r.Schema(ctx, resource.SchemaRequest{}, &rs)
	var is resource.IdentitySchemaResponse
	r.IdentitySchema(ctx, resource.IdentitySchemaRequest{}, &is)
	req := list.ListRequest{
		Config:                 tfsdk.Config{Schema: schemaResp.Schema, Raw: tftypes.NewValue(cfgType, values)},
		IncludeResource:        includeResource,
		ResourceSchema:         rs.Schema,
		ResourceIdentitySchema: is.IdentitySchema,
	}
	var stream list.ListResultsStream
	l.List(ctx, req, &stream)
	var out []list.ListResult
	for res := range stream.Results {
		out = append(out, res)
	}
	return out
}

// With include_resource every gift comes with its identity and the object an import reads:
// the service's values, "" left null, the translations with their descriptions only where set.
func TestGiftListResults(t *testing.T) {
	_, url := emutest.ServeCatalog(t, emulator.Options{}, consoleCatalog)
	l := giftkit.NewListResource(listKind, &tfkit.ProviderData{Client: emutest.RetryingClient(t, url, 0)})
	results := runList(t, l, true, nil)
	if len(results) != 2 {
		t.Fatalf("%d results, want 2", len(results))
	}
	ctx := context.Background()
	for _, res := range results {
		if res.Diagnostics.HasError() {
			t.Fatal(res.Diagnostics)
		}
	}
	car, rose := results[0], results[1]
	if car.DisplayName != "car" || rose.DisplayName != "Rose (rose)" {
		t.Errorf("display names %q, %q", car.DisplayName, rose.DisplayName)
	}
	var id types.String
	var app types.Int64
	rose.Identity.GetAttribute(ctx, path.Root("gift_id"), &id)
	rose.Identity.GetAttribute(ctx, path.Root("sdk_app_id"), &app)
	if id.ValueString() != "rose" || app.ValueInt64() != int64(emulator.DefaultSDKAppID) {
		t.Errorf("identity %s in %s", id, app)
	}
	var m giftModel
	if d := rose.Resource.Get(ctx, &m); d.HasError() {
		t.Fatal(d)
	}
	if m.ID.ValueString() != "rose" || m.Coins.ValueInt64() != 10 || m.IconURL.ValueString() != "https://cdn/rose.png" ||
		!m.DefaultDesc.IsNull() || !m.ResourceURL.IsNull() || m.ExtensionInfo.ValueString() != `{"rank":"1"}` || !m.Timeouts.IsNull() {
		t.Errorf("rose as imported: %+v", m)
	}
	langs := m.Languages.Elements()
	if len(langs) != 2 || !strings.Contains(langs["en"].String(), `"desc":<null>`) || !strings.Contains(langs["zh-Hans"].String(), "一朵玫瑰") {
		t.Errorf("rose's languages %v", m.Languages)
	}
	if d := car.Resource.Get(ctx, &m); d.HasError() || m.Level.ValueInt64() != 3 || !m.Languages.IsNull() || !m.ExtensionInfo.IsNull() {
		t.Errorf("car as imported: %+v %v", m, d)
	}

	// Identities only: no object.
	for _, res := range runList(t, l, false, map[string]tftypes.Value{"gift_id_prefix": tftypes.NewValue(tftypes.String, "ro")}) {
		if res.Resource != nil && !res.Resource.Raw.IsNull() {
			t.Errorf("an object without include_resource: %v", res.Resource.Raw)
		}
	}
}

// A query that fails part way (the second of three named gifts does not exist, read one by one
// without the bulk read) answers one error and no gift.
func TestGiftListFailureIsNoPartialResult(t *testing.T) {
	_, url := emutest.ServeCatalog(t, emulator.Options{NoGiftInfoList: true}, consoleCatalog)
	l := giftkit.NewListResource(listKind, &tfkit.ProviderData{Client: emutest.RetryingClient(t, url, 0)})
	ids := tftypes.NewValue(tftypes.List{ElementType: tftypes.String}, []tftypes.Value{
		tftypes.NewValue(tftypes.String, "car"), tftypes.NewValue(tftypes.String, "tulip"), tftypes.NewValue(tftypes.String, "rose"),
	})
	results := runList(t, l, true, map[string]tftypes.Value{"gift_ids": ids})
	if len(results) != 1 || !results[0].Diagnostics.HasError() || results[0].Identity != nil || results[0].Resource != nil {
		t.Fatalf("want one error result and no gift, got %d results: %+v", len(results), results)
	}
	if detail := results[0].Diagnostics[0].Detail(); !strings.Contains(detail, `"tulip"`) {
		t.Fatalf("the error does not name the missing gift: %s", detail)
	}
}
