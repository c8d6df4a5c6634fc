package gift

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/giftkit"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

func model() giftModel {
	return giftModel{
		GiftID: types.StringValue("rose"), DefaultName: types.StringValue("Rose"), DefaultDesc: types.StringNull(),
		Coins: types.Int64Value(10), Level: types.Int64Value(1), IconURL: types.StringValue("https://x/rose.png"),
		ResourceURL: types.StringNull(), ExtensionInfo: giftkit.NewExtensionInfo(`{"a":"1"}`), Languages: types.MapNull(giftkit.TextType),
	}
}

func TestExpandGift(t *testing.T) {
	got := expandGift(model())
	want := wire.Gift{ID: "rose", DefaultName: "Rose", Coins: 10, Level: 1, IconURL: "https://x/rose.png", ExtensionInfo: `{"a":"1"}`}
	if got != want {
		t.Fatalf("got %+v\nwant %+v", got, want)
	}
}

func TestDefaultsChanged(t *testing.T) {
	a, b := model(), model()
	b.ExtensionInfo = giftkit.NewExtensionInfo(`{ "a" : "1" }`)
	if defaultsChanged(a, b) {
		t.Error("respelled extension_info is no change")
	}
	b.Coins = types.Int64Value(20)
	if !defaultsChanged(a, b) {
		t.Error("a price change is a change")
	}
	c := model()
	c.Languages = types.MapValueMust(giftkit.TextType, nil)
	if defaultsChanged(a, c) {
		t.Error("translations are not edit_gift's")
	}
}

// What the service reads back keeps unset optional values null and the user's JSON spelling.
func TestFlattenGift(t *testing.T) {
	m := model()
	m.ExtensionInfo = giftkit.NewExtensionInfo(`{ "a": "1" }`)
	served := wire.GiftRecord{Gift: wire.Gift{ID: "rose", DefaultName: "Rose", Coins: 30, Level: 1,
		IconURL: "https://x/rose.png", ExtensionInfo: `{"a":"1"}`}, Languages: wire.Languages{}}
	if d := flattenGift(context.Background(), served, &m); d.HasError() {
		t.Fatal(d)
	}
	if m.Coins.ValueInt64() != 30 || !m.DefaultDesc.IsNull() || !m.ResourceURL.IsNull() || m.ExtensionInfo.ValueString() != `{ "a": "1" }` || !m.Languages.IsNull() {
		t.Fatalf("flattened %+v", m)
	}
	// An import has nothing but the ID: every value comes from the service.
	imported := giftModel{GiftID: types.StringValue("rose"), Languages: types.MapNull(giftkit.TextType)}
	served.DefaultDesc = "red"
	_ = flattenGift(context.Background(), served, &imported)
	if imported.DefaultDesc.ValueString() != "red" || imported.ExtensionInfo.ValueString() != `{"a":"1"}` || !imported.IconURL.Equal(types.StringValue("https://x/rose.png")) {
		t.Fatalf("imported %+v", imported)
	}
}

func TestBlame(t *testing.T) {
	for msg, want := range map[string]string{
		"GiftId rose already exists":             "gift_id",
		"DefaultName exceeds 20 bytes":           "default_name",
		"ExtensionInfo must be JSON text":        "extension_info",
		"Coins must be between 0 and 2147483647": "coins",
		"something else":                         "",
	} {
		if got := blame(livespec.CodeInvalidParam, msg); got != want {
			t.Errorf("%q: got %q, want %q", msg, got, want)
		}
	}
	if blame(livespec.CodeOverPackageLimit, "") != "gift_id" {
		t.Error("100013 is about the gift as a whole")
	}
}
