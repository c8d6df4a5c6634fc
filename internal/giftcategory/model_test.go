package giftcategory

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/giftkit"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/tfkit"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

func TestRelationChanges(t *testing.T) {
	add, remove := relationChanges([]string{"rose", "car"}, []string{"rose", "ring", "boat"})
	if strings.Join(add, ",") != "ring,boat" || strings.Join(remove, ",") != "car" {
		t.Fatalf("add %v remove %v", add, remove)
	}
	if add, remove := relationChanges([]string{"a"}, []string{"a"}); len(add)+len(remove) != 0 {
		t.Fatal("no change sent something")
	}
	if got := without([]string{"a", "b", "c"}, []string{"b"}); strings.Join(got, ",") != "a,c" {
		t.Fatal(got)
	}
}

func TestCategoryExpandFlatten(t *testing.T) {
	m := categoryModel{CategoryID: types.StringValue("hot"), DefaultName: types.StringValue("Hot"), DefaultDesc: types.StringNull(),
		ExtensionInfo: giftkit.NewExtensionInfo(`{"order": "1"}`), Languages: types.MapNull(giftkit.TextType), GiftIDs: tfkit.StringSet([]string{"rose"})}
	if got := expandCategory(m); got != (wire.GiftCategory{ID: "hot", DefaultName: "Hot", ExtensionInfo: `{"order": "1"}`}) {
		t.Fatalf("expand %+v", got)
	}
	other := m
	other.ExtensionInfo = giftkit.NewExtensionInfo(`{"order":"1"}`)
	if defaultsChanged(m, other) {
		t.Error("respelled JSON is no change")
	}
	other.DefaultDesc = types.StringValue("Trending")
	if !defaultsChanged(m, other) {
		t.Error("a new description is a change")
	}
	served := wire.GiftCategoryRecord{GiftCategory: wire.GiftCategory{ID: "hot", DefaultName: "Hot", ExtensionInfo: `{"order":"1"}`},
		GiftIDs: []string{"car", "rose"}, Languages: wire.Languages{}}
	if d := flattenCategory(context.Background(), served, &m); d.HasError() {
		t.Fatal(d)
	}
	if !m.DefaultDesc.IsNull() || m.ExtensionInfo.ValueString() != `{"order": "1"}` || strings.Join(giftIDs(m), ",") != "car,rose" {
		t.Fatalf("flattened %+v", m)
	}
}
