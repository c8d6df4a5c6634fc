package emulator

import (
	"encoding/json"
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/livespec"
)

// Protocol tests of the gift commands: each command's success, each documented code, and each
// project decision of the emulator README's gift table.

func rose(extra map[string]any) map[string]any {
	body := map[string]any{"GiftId": "rose", "DefaultName": "Rose", "DefaultDesc": "A red rose", "Coins": 10, "Level": 1,
		"IconUrl": "https://cdn.example.com/rose.png", "ResourceUrl": "https://cdn.example.com/rose.mp4",
		"ExtensionInfo": `{"tier":"basic"}`}
	for k, v := range extra {
		if v == nil {
			delete(body, k)
		} else {
			body[k] = v
		}
	}
	return body
}

func (h *harness) addGift(id string, coins int) {
	h.t.Helper()
	h.call("add_gift", map[string]any{"GiftId": id, "DefaultName": id, "Coins": coins}).mustOK(h.t)
}

func (h *harness) addCategory(id string) {
	h.t.Helper()
	h.call("add_gift_category", map[string]any{"CategoryId": id, "DefaultName": id}).mustOK(h.t)
}

// top decodes a top-level field of the answer.
func (e envelope) top(t testing.TB, name string, v any) {
	t.Helper()
	raw, ok := e.Fields[name]
	if !ok {
		t.Fatalf("the answer has no top-level %s: %v", name, e.Fields)
	}
	if err := json.Unmarshal(raw, v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}

func (h *harness) relations(category string) []string {
	h.t.Helper()
	var rel struct {
		CategoryID string `json:"CategoryId"`
		GiftIDList []string
	}
	h.call("get_gift_category_relations", map[string]any{"CategoryId": category}).mustOK(h.t).top(h.t, "Relation", &rel)
	if rel.CategoryID != category || rel.GiftIDList == nil {
		h.t.Fatalf("Relation %+v", rel)
	}
	return rel.GiftIDList
}

func TestGiftLifecycle(t *testing.T) {
	h := newHarness(t, Options{})
	h.call("add_gift", rose(nil)).mustOK(t)

	e := h.call("get_gift", map[string]any{"GiftId": "rose"}).mustOK(t)
	if _, nested := e.Fields["Response"]; nested {
		t.Error("get_gift answered under Response; the documented GiftInfo is top-level")
	}
	var info map[string]any
	e.top(t, "GiftInfo", &info)
	want := map[string]any{"GiftId": "rose", "DefaultName": "Rose", "DefaultDesc": "A red rose", "Coins": 10.0, "Level": 1.0,
		"IconUrl": "https://cdn.example.com/rose.png", "ResourceUrl": "https://cdn.example.com/rose.mp4", "ExtensionInfo": `{"tier":"basic"}`}
	if !reflect.DeepEqual(info, want) {
		t.Errorf("GiftInfo = %v\nwant %v", info, want)
	}

	// edit_gift replaces every default field: what is left out is cleared.
	h.call("edit_gift", map[string]any{"GiftId": "rose", "DefaultName": "Red rose", "Coins": 12}).mustOK(t)
	e = h.call("get_gift", map[string]any{"GiftId": "rose"}).mustOK(t)
	info = nil
	e.top(t, "GiftInfo", &info)
	if info["DefaultName"] != "Red rose" || info["Coins"] != 12.0 || info["Level"] != 0.0 || info["IconUrl"] != "" || info["ExtensionInfo"] != "" {
		t.Errorf("after edit_gift: %v", info)
	}

	h.call("del_gift", map[string]any{"GiftId": "rose"}).mustOK(t)
	h.call("get_gift", map[string]any{"GiftId": "rose"}).mustCode(t, livespec.CodeGiftNotFound)
	h.call("del_gift", map[string]any{"GiftId": "rose"}).mustOK(t) // idempotent
}

func TestGiftFieldChecks(t *testing.T) {
	h := newHarness(t, Options{})
	cjk7 := strings.Repeat("玫", 7) // 21 bytes: one CJK character over the 20-byte limit
	cases := map[string]map[string]any{
		"GiftId missing":           rose(map[string]any{"GiftId": nil}),
		"GiftId over 20 bytes":     rose(map[string]any{"GiftId": strings.Repeat("g", 21)}),
		"DefaultName missing":      rose(map[string]any{"DefaultName": nil}),
		"DefaultName empty":        rose(map[string]any{"DefaultName": ""}),
		"DefaultName 7 CJK":        rose(map[string]any{"DefaultName": cjk7}),
		"DefaultDesc over 20":      rose(map[string]any{"DefaultDesc": strings.Repeat("d", 21)}),
		"Coins missing":            rose(map[string]any{"Coins": nil}),
		"Coins negative":           rose(map[string]any{"Coins": -1}),
		"Coins over int32":         rose(map[string]any{"Coins": int64(livespec.MaxGiftNumber) + 1}),
		"Coins a string":           rose(map[string]any{"Coins": "10"}),
		"Level negative":           rose(map[string]any{"Level": -1}),
		"IconUrl over 200":         rose(map[string]any{"IconUrl": strings.Repeat("u", 201)}),
		"ResourceUrl over 200":     rose(map[string]any{"ResourceUrl": strings.Repeat("u", 201)}),
		"ExtensionInfo not JSON":   rose(map[string]any{"ExtensionInfo": "tier=basic"}),
		"ExtensionInfo over 100":   rose(map[string]any{"ExtensionInfo": `{"k":"` + strings.Repeat("v", 95) + `"}`}),
		"ExtensionInfo not string": rose(map[string]any{"ExtensionInfo": map[string]string{"tier": "basic"}}),
	}
	for name, body := range cases {
		t.Run(name, func(t *testing.T) {
			h.call("add_gift", body).mustCode(t, livespec.CodeInvalidParam)
		})
	}
	if g := h.s.Gifts(); len(g.Gifts) != 0 {
		t.Fatalf("a refused add_gift stored %+v", g.Gifts)
	}
	// At the limits exactly: 6 CJK characters (18 bytes) and 20 ASCII bytes pass.
	h.call("add_gift", rose(map[string]any{"GiftId": strings.Repeat("g", 20), "DefaultName": strings.Repeat("玫", 6),
		"DefaultDesc": strings.Repeat("d", 20), "Coins": livespec.MaxGiftNumber, "ExtensionInfo": ""})).mustOK(t)
	// The edit checks the same fields.
	h.call("edit_gift", rose(map[string]any{"GiftId": strings.Repeat("g", 20), "DefaultName": cjk7})).mustCode(t, livespec.CodeInvalidParam)
}

func TestGiftDecisionsDuplicateAndUnknown(t *testing.T) {
	h := newHarness(t, Options{})
	h.call("add_gift", rose(nil)).mustOK(t)
	e := h.call("add_gift", rose(nil))
	e.mustCode(t, livespec.CodeInvalidParam)
	if !strings.Contains(e.ErrorInfo, "GiftId rose already exists") {
		t.Errorf("duplicate ErrorInfo %q does not name the ID", e.ErrorInfo)
	}
	for _, c := range []struct {
		command string
		body    map[string]any
	}{
		{"get_gift", map[string]any{"GiftId": "tulip"}},
		{"edit_gift", rose(map[string]any{"GiftId": "tulip"})},
		{"get_gift_language", map[string]any{"GiftId": "tulip", "Language": "en"}},
		{"set_gift_language", map[string]any{"GiftId": "tulip", "Language": "en", "Name": "Tulip"}},
	} {
		h.call(c.command, c.body).mustCode(t, livespec.CodeGiftNotFound)
	}
	// The same ID as a category is another namespace.
	h.call("add_gift_category", map[string]any{"CategoryId": "rose", "DefaultName": "Roses"}).mustOK(t)
	e = h.call("add_gift_category", map[string]any{"CategoryId": "rose", "DefaultName": "Roses"})
	e.mustCode(t, livespec.CodeInvalidParam)
	if !strings.Contains(e.ErrorInfo, "CategoryId rose already exists") {
		t.Errorf("duplicate ErrorInfo %q", e.ErrorInfo)
	}
	for _, c := range []struct {
		command string
		body    map[string]any
	}{
		{"get_gift_category", map[string]any{"CategoryId": "hot"}},
		{"edit_gift_category", map[string]any{"CategoryId": "hot", "DefaultName": "Hot"}},
		{"get_gift_category_language", map[string]any{"CategoryId": "hot", "Language": "en"}},
		{"set_gift_category_language", map[string]any{"CategoryId": "hot", "Language": "en", "CategoryName": "Hot"}},
		{"add_gift_category_relations", map[string]any{"CategoryId": "hot", "GiftIdList": []string{"rose"}}},
		{"get_gift_category_relations", map[string]any{"CategoryId": "hot"}},
	} {
		e := h.call(c.command, c.body)
		e.mustCode(t, livespec.CodeInvalidParam)
		if !strings.Contains(e.ErrorInfo, "CategoryId hot") {
			t.Errorf("%s: ErrorInfo %q does not name the category", c.command, e.ErrorInfo)
		}
	}
}

func TestGiftLanguages(t *testing.T) {
	h := newHarness(t, Options{})
	h.call("add_gift", rose(nil)).mustOK(t)
	read := func(lang string) GiftText {
		t.Helper()
		var got GiftText
		e := h.call("get_gift_language", map[string]any{"GiftId": "rose", "Language": lang}).mustOK(t)
		e.top(t, "GiftInfo", &got)
		return got
	}
	// A language never set is 100002, not the defaults.
	e := h.call("get_gift_language", map[string]any{"GiftId": "rose", "Language": "zh-Hans"})
	e.mustCode(t, livespec.CodeInvalidParam)
	if !strings.Contains(e.ErrorInfo, "no zh-Hans entry") {
		t.Errorf("ErrorInfo %q", e.ErrorInfo)
	}
	// The name is required on the first set.
	h.call("set_gift_language", map[string]any{"GiftId": "rose", "Language": "zh-Hans", "Desc": "红"}).mustCode(t, livespec.CodeInvalidParam)
	h.call("set_gift_language", map[string]any{"GiftId": "rose", "Language": "zh-Hans", "Name": "玫瑰", "Desc": "一朵红玫瑰"}).mustOK(t)
	if got := read("zh-Hans"); got != (GiftText{"玫瑰", "一朵红玫瑰"}) {
		t.Errorf("zh-Hans = %+v", got)
	}
	// Merge: only the fields present change; "" clears Desc.
	h.call("set_gift_language", map[string]any{"GiftId": "rose", "Language": "zh-Hans", "Desc": "花"}).mustOK(t)
	if got := read("zh-Hans"); got != (GiftText{"玫瑰", "花"}) {
		t.Errorf("after a Desc-only set: %+v", got)
	}
	h.call("set_gift_language", map[string]any{"GiftId": "rose", "Language": "zh-Hans", "Desc": ""}).mustOK(t)
	if got := read("zh-Hans"); got != (GiftText{"玫瑰", ""}) {
		t.Errorf("after clearing Desc: %+v", got)
	}
	// Codes and limits.
	for _, bad := range []map[string]any{
		{"GiftId": "rose", "Language": "zh-CN", "Name": "玫瑰"},
		{"GiftId": "rose", "Language": "EN", "Name": "Rose"},
		{"GiftId": "rose", "Name": "Rose"},
		{"GiftId": "rose", "Language": "en", "Name": strings.Repeat("玫", 7)},
		{"GiftId": "rose", "Language": "en", "Name": "Rose", "Desc": strings.Repeat("d", 21)},
		{"GiftId": "rose", "Language": "en", "Name": ""},
	} {
		h.call("set_gift_language", bad).mustCode(t, livespec.CodeInvalidParam)
	}
	h.call("del_gift_language", map[string]any{"GiftId": "rose", "Language": "zh-Hans"}).mustOK(t)
	h.call("get_gift_language", map[string]any{"GiftId": "rose", "Language": "zh-Hans"}).mustCode(t, livespec.CodeInvalidParam)
	// Deleting an absent entry, or an entry of an absent gift, succeeds; a bad code does not.
	h.call("del_gift_language", map[string]any{"GiftId": "rose", "Language": "zh-Hans"}).mustOK(t)
	h.call("del_gift_language", map[string]any{"GiftId": "tulip", "Language": "en"}).mustOK(t)
	h.call("del_gift_language", map[string]any{"GiftId": "rose", "Language": "fr"}).mustCode(t, livespec.CodeInvalidParam)
}

func TestGiftCategoryLifecycle(t *testing.T) {
	h := newHarness(t, Options{})
	h.call("add_gift_category", map[string]any{"CategoryId": "hot", "DefaultName": "Hot", "DefaultDesc": strings.Repeat("d", 60),
		"ExtensionInfo": `{"order":"1"}`}).mustOK(t)
	var info map[string]any
	h.call("get_gift_category", map[string]any{"CategoryId": "hot"}).mustOK(t).top(t, "GiftCategoryInfo", &info)
	want := map[string]any{"CategoryId": "hot", "DefaultName": "Hot", "DefaultDesc": strings.Repeat("d", 60), "ExtensionInfo": `{"order":"1"}`}
	if !reflect.DeepEqual(info, want) {
		t.Errorf("GiftCategoryInfo = %v", info)
	}
	for _, bad := range []map[string]any{
		{"CategoryId": "c2", "DefaultName": "C", "DefaultDesc": strings.Repeat("d", 61)},
		{"CategoryId": strings.Repeat("c", 21), "DefaultName": "C"},
		{"CategoryId": "c2", "DefaultName": strings.Repeat("n", 21)},
		{"CategoryId": "c2"},
		{"CategoryId": "c2", "DefaultName": "C", "ExtensionInfo": "{"},
	} {
		h.call("add_gift_category", bad).mustCode(t, livespec.CodeInvalidParam)
	}
	h.call("edit_gift_category", map[string]any{"CategoryId": "hot", "DefaultName": "Trending"}).mustOK(t)
	info = nil
	h.call("get_gift_category", map[string]any{"CategoryId": "hot"}).mustOK(t).top(t, "GiftCategoryInfo", &info)
	if info["DefaultName"] != "Trending" || info["DefaultDesc"] != "" || info["ExtensionInfo"] != "" {
		t.Errorf("edit_gift_category is a full replace: %v", info)
	}

	// Translations: 20/60 bytes, merge, absent entry 100002, idempotent delete.
	h.call("set_gift_category_language", map[string]any{"CategoryId": "hot", "Language": "en", "CategoryDesc": "Trending"}).mustCode(t, livespec.CodeInvalidParam)
	h.call("set_gift_category_language", map[string]any{"CategoryId": "hot", "Language": "en", "CategoryName": "Hot", "CategoryDesc": strings.Repeat("d", 61)}).mustCode(t, livespec.CodeInvalidParam)
	h.call("set_gift_category_language", map[string]any{"CategoryId": "hot", "Language": "en", "CategoryName": "Hot", "CategoryDesc": strings.Repeat("d", 60)}).mustOK(t)
	h.call("set_gift_category_language", map[string]any{"CategoryId": "hot", "Language": "en", "CategoryDesc": "Trending"}).mustOK(t)
	var text struct{ CategoryName, CategoryDesc string }
	h.call("get_gift_category_language", map[string]any{"CategoryId": "hot", "Language": "en"}).mustOK(t).top(t, "CategoryInfo", &text)
	if text.CategoryName != "Hot" || text.CategoryDesc != "Trending" {
		t.Errorf("CategoryInfo = %+v", text)
	}
	h.call("get_gift_category_language", map[string]any{"CategoryId": "hot", "Language": "zh-Hant"}).mustCode(t, livespec.CodeInvalidParam)
	h.call("del_gift_category_language", map[string]any{"CategoryId": "hot", "Language": "en"}).mustOK(t)
	h.call("del_gift_category_language", map[string]any{"CategoryId": "hot", "Language": "en"}).mustOK(t)
	h.call("del_gift_category_language", map[string]any{"CategoryId": "gone", "Language": "en"}).mustOK(t)
	h.call("get_gift_category_language", map[string]any{"CategoryId": "hot", "Language": "en"}).mustCode(t, livespec.CodeInvalidParam)

	h.call("del_gift_category", map[string]any{"CategoryId": "hot"}).mustOK(t)
	h.call("get_gift_category", map[string]any{"CategoryId": "hot"}).mustCode(t, livespec.CodeInvalidParam)
	h.call("del_gift_category", map[string]any{"CategoryId": "hot"}).mustOK(t)
}

func TestGiftCategoryRelations(t *testing.T) {
	h := newHarness(t, Options{})
	h.addGift("rose", 10)
	h.addGift("car", 500)
	h.addGift("kiss", 1)
	h.addCategory("hot")

	var invalid []string
	e := h.call("add_gift_category_relations", map[string]any{"CategoryId": "hot", "GiftIdList": []string{"rose", "ghost", "car", "ghost"}})
	e.mustCode(t, 0)
	e.top(t, "InvalidGiftIdList", &invalid)
	if !reflect.DeepEqual(invalid, []string{"ghost"}) {
		t.Errorf("InvalidGiftIdList = %v, want [ghost]", invalid)
	}
	// Additive: a second add keeps what is there and appends in request order; a pair again is a no-op.
	e = h.call("add_gift_category_relations", map[string]any{"CategoryId": "hot", "GiftIdList": []string{"kiss", "rose"}}).mustOK(t)
	e.top(t, "InvalidGiftIdList", &invalid)
	if len(invalid) != 0 {
		t.Errorf("InvalidGiftIdList = %v, want []", invalid)
	}
	if got := h.relations("hot"); !reflect.DeepEqual(got, []string{"rose", "car", "kiss"}) {
		t.Errorf("relations %v", got)
	}
	// Removing IDs not in the category, or from an absent category, is a success.
	h.call("del_gift_category_relations", map[string]any{"CategoryId": "hot", "GiftIdList": []string{"car", "ghost"}}).mustOK(t)
	h.call("del_gift_category_relations", map[string]any{"CategoryId": "gone", "GiftIdList": []string{"car"}}).mustOK(t)
	if got := h.relations("hot"); !reflect.DeepEqual(got, []string{"rose", "kiss"}) {
		t.Errorf("after del: %v", got)
	}
	for _, bad := range []map[string]any{
		{"CategoryId": "hot"},
		{"CategoryId": "hot", "GiftIdList": []string{}},
		{"CategoryId": "hot", "GiftIdList": "rose"},
		{"CategoryId": "hot", "GiftIdList": []int{1}},
	} {
		h.call("add_gift_category_relations", bad).mustCode(t, livespec.CodeInvalidParam)
		h.call("del_gift_category_relations", bad).mustCode(t, livespec.CodeInvalidParam)
	}
}

// Deleting a gift removes its translations and its place in every category; re-created, it
// starts bare. Deleting a category leaves its gifts.
func TestGiftCascades(t *testing.T) {
	h := newHarness(t, Options{})
	h.addGift("rose", 10)
	h.addGift("car", 500)
	h.addCategory("hot")
	h.addCategory("new")
	h.call("set_gift_language", map[string]any{"GiftId": "rose", "Language": "en", "Name": "Rose"}).mustOK(t)
	for _, cat := range []string{"hot", "new"} {
		h.call("add_gift_category_relations", map[string]any{"CategoryId": cat, "GiftIdList": []string{"rose", "car"}}).mustOK(t)
	}
	h.call("del_gift", map[string]any{"GiftId": "rose"}).mustOK(t)
	for _, cat := range []string{"hot", "new"} {
		if got := h.relations(cat); !reflect.DeepEqual(got, []string{"car"}) {
			t.Errorf("%s still lists the deleted gift: %v", cat, got)
		}
	}
	h.addGift("rose", 10)
	h.call("get_gift_language", map[string]any{"GiftId": "rose", "Language": "en"}).mustCode(t, livespec.CodeInvalidParam)
	if got := h.relations("hot"); !reflect.DeepEqual(got, []string{"car"}) {
		t.Errorf("the re-created gift came back into a category: %v", got)
	}

	h.call("set_gift_category_language", map[string]any{"CategoryId": "hot", "Language": "en", "CategoryName": "Hot"}).mustOK(t)
	h.call("del_gift_category", map[string]any{"CategoryId": "hot"}).mustOK(t)
	h.addCategory("hot")
	if got := h.relations("hot"); len(got) != 0 {
		t.Errorf("a re-created category kept its relations: %v", got)
	}
	h.call("get_gift_category_language", map[string]any{"CategoryId": "hot", "Language": "en"}).mustCode(t, livespec.CodeInvalidParam)
	h.call("get_gift", map[string]any{"GiftId": "car"}).mustOK(t) // gifts stay
}

func TestGiftQuotas(t *testing.T) {
	h := newHarness(t, Options{GiftQuota: 2, GiftCategoryQuota: 1})
	h.addGift("a", 1)
	h.addGift("b", 1)
	h.call("add_gift", map[string]any{"GiftId": "c", "DefaultName": "c", "Coins": 1}).mustCode(t, livespec.CodeOverPackageLimit)
	h.addCategory("x")
	h.call("add_gift_category", map[string]any{"CategoryId": "y", "DefaultName": "y"}).mustCode(t, livespec.CodeOverPackageLimit)
	// A deletion frees its place.
	h.call("del_gift", map[string]any{"GiftId": "a"}).mustOK(t)
	h.addGift("c", 1)

	d := newHarness(t, Options{})
	for i := range livespec.DefaultGiftQuota {
		d.addGift("g"+string(rune('a'+i)), 1)
	}
	d.call("add_gift", map[string]any{"GiftId": "one-more", "DefaultName": "x", "Coins": 1}).mustCode(t, livespec.CodeOverPackageLimit)
	for i := range livespec.DefaultCategoryQuota {
		d.addCategory("c" + string(rune('a'+i)))
	}
	d.call("add_gift_category", map[string]any{"CategoryId": "one-more", "DefaultName": "x"}).mustCode(t, livespec.CodeOverPackageLimit)
}

type giftInfoList struct {
	GiftList []struct {
		GiftID        string `json:"GiftId"`
		Name, Desc    string
		IconURL       string `json:"IconUrl"`
		ResourceURL   string `json:"ResourceUrl"`
		Coins, Level  int64
		ExtensionInfo string
		CreateTime    int64
		LanguageList  []struct{ Language, Name, Desc string }
	}
	CategoryList []struct {
		CategoryID                 string `json:"CategoryId"`
		CategoryName, CategoryDesc string
		ExtensionInfo              string
		GiftIDList                 []string `json:"GiftIdList"`
		LanguageList               []struct{ Language, CategoryName, CategoryDesc string }
	}
	TotalCount int
}

func TestGiftInfoList(t *testing.T) {
	h := newHarness(t, Options{})
	h.call("add_gift", rose(nil)).mustOK(t)
	h.addGift("car", 500)
	h.call("set_gift_language", map[string]any{"GiftId": "rose", "Language": "zh-Hant", "Name": "玫瑰"}).mustOK(t)
	h.call("set_gift_language", map[string]any{"GiftId": "rose", "Language": "en", "Name": "Rose", "Desc": "red"}).mustOK(t)
	h.call("add_gift_category", map[string]any{"CategoryId": "hot", "DefaultName": "Hot", "DefaultDesc": "Trending", "ExtensionInfo": `{"o":"1"}`}).mustOK(t)
	h.call("set_gift_category_language", map[string]any{"CategoryId": "hot", "Language": "zh-Hans", "CategoryName": "热门"}).mustOK(t)
	h.call("add_gift_category_relations", map[string]any{"CategoryId": "hot", "GiftIdList": []string{"rose", "car"}}).mustOK(t)

	var list giftInfoList
	h.call("get_gift_info_list", map[string]any{}).mustOK(t).decodeResponse(t, &list)
	if list.TotalCount != 2 || len(list.GiftList) != 2 || list.GiftList[0].GiftID != "car" || list.GiftList[1].GiftID != "rose" {
		t.Fatalf("GiftList %+v", list)
	}
	r := list.GiftList[1]
	if r.Name != "Rose" || r.Desc != "A red rose" || r.IconURL == "" || r.ResourceURL == "" || r.Coins != 10 || r.Level != 1 ||
		r.ExtensionInfo != `{"tier":"basic"}` || r.CreateTime != testEpoch.Unix() {
		t.Errorf("rose %+v", r)
	}
	if len(r.LanguageList) != 2 || r.LanguageList[0].Language != "en" || r.LanguageList[0].Desc != "red" || r.LanguageList[1].Language != "zh-Hant" {
		t.Errorf("rose languages %+v (want en, zh-Hant in that order)", r.LanguageList)
	}
	if list.GiftList[0].LanguageList == nil {
		t.Error("a gift without translations must answer LanguageList [] for a stable shape")
	}
	if len(list.CategoryList) != 1 {
		t.Fatalf("CategoryList %+v", list.CategoryList)
	}
	c := list.CategoryList[0]
	if c.CategoryID != "hot" || c.CategoryName != "Hot" || c.CategoryDesc != "Trending" || c.ExtensionInfo != `{"o":"1"}` ||
		!reflect.DeepEqual(c.GiftIDList, []string{"rose", "car"}) || len(c.LanguageList) != 1 || c.LanguageList[0].CategoryName != "热门" {
		t.Errorf("hot %+v", c)
	}

	// The switch makes it an unknown command, before the rate limit.
	off := newHarness(t, Options{NoGiftInfoList: true, QPS: DocumentedQPS})
	off.call("get_gift_info_list", map[string]any{}).mustCode(t, livespec.CodeUnknownCommand)
	off.call("get_gift_info_list", map[string]any{}).mustCode(t, livespec.CodeUnknownCommand)
}

func TestGiftResponseVariants(t *testing.T) {
	h := newHarness(t, Options{GiftLanguageInResponse: true, GiftIconURLUpper: true})
	h.call("add_gift", rose(nil)).mustOK(t)
	h.addCategory("hot")
	var info map[string]any
	h.call("get_gift", map[string]any{"GiftId": "rose"}).mustOK(t).top(t, "GiftInfo", &info)
	if _, lower := info["IconUrl"]; lower || info["IconURL"] != "https://cdn.example.com/rose.png" {
		t.Errorf("GiftInfo with the IconURL switch: %v", info)
	}
	h.call("set_gift_language", map[string]any{"GiftId": "rose", "Language": "en", "Name": "Rose"}).mustOK(t)
	h.call("set_gift_category_language", map[string]any{"CategoryId": "hot", "Language": "en", "CategoryName": "Hot"}).mustOK(t)
	var gl struct{ Language GiftText }
	e := h.call("get_gift_language", map[string]any{"GiftId": "rose", "Language": "en"}).mustOK(t)
	e.decodeResponse(t, &gl)
	if _, top := e.Fields["GiftInfo"]; top || gl.Language.Name != "Rose" {
		t.Errorf("get_gift_language with Response.Language: %s %v", e.Response, e.Fields)
	}
	var cl struct{ Language struct{ CategoryName string } }
	h.call("get_gift_category_language", map[string]any{"CategoryId": "hot", "Language": "en"}).mustOK(t).decodeResponse(t, &cl)
	if cl.Language.CategoryName != "Hot" {
		t.Errorf("get_gift_category_language with Response.Language: %+v", cl)
	}
}

// Every gift configuration command allows 1 call/s and answers 100012 over it; send_gift and
// get_gift_count keep 200/s and 60007.
func TestGiftRateLimit(t *testing.T) {
	h := newHarness(t, Options{QPS: DocumentedQPS})
	h.addGift("rose", 10)
	h.call("add_gift", map[string]any{"GiftId": "car", "DefaultName": "Car", "Coins": 1}).mustCode(t, livespec.CodeCreateTooFrequent)
	h.call("get_gift", map[string]any{"GiftId": "rose"}).mustOK(t) // another command: its own budget
	h.call("get_gift", map[string]any{"GiftId": "rose"}).mustCode(t, livespec.CodeCreateTooFrequent)
	h.clock.Advance(time.Second)
	h.call("add_gift", map[string]any{"GiftId": "car", "DefaultName": "Car", "Coins": 1}).mustOK(t)
	if got := h.s.Stats().RefusedBy["add_gift"]; got != 1 {
		t.Errorf("RefusedBy[add_gift] = %d", got)
	}

	h.call(livespec.CopyDefaultGiftConfig, map[string]any{}).mustCode(t, livespec.CodeGiftConfigExists)
	h.clock.Advance(5 * time.Second)
	h.call(livespec.CopyDefaultGiftConfig, map[string]any{}).mustCode(t, livespec.CodeCreateTooFrequent) // 1 per 10 s

	h.createRoom("r1", nil)
	for range 200 {
		h.call("get_gift_count", map[string]any{"RoomId": "r1", "From_Account": "bob"}).mustOK(t)
	}
	h.call("get_gift_count", map[string]any{"RoomId": "r1", "From_Account": "bob"}).mustCode(t, livespec.CodeRateLimited)
}

func TestGiftSharedRateBudget(t *testing.T) {
	h := newHarness(t, Options{QPS: DocumentedQPS, SharedGiftRateBudget: true})
	h.addGift("rose", 10)
	h.call("get_gift", map[string]any{"GiftId": "rose"}).mustCode(t, livespec.CodeCreateTooFrequent)
	h.call("add_gift_category", map[string]any{"CategoryId": "hot", "DefaultName": "Hot"}).mustCode(t, livespec.CodeCreateTooFrequent)
	h.clock.Advance(time.Second)
	h.call("get_gift", map[string]any{"GiftId": "rose"}).mustOK(t)
	h.createRoom("r1", nil) // other commands keep their own budgets
}

func TestGiftNoPackage(t *testing.T) {
	h := newHarness(t, Options{NoPackage: true})
	for _, command := range append(append([]string{}, livespec.GiftConfigCommands...), livespec.GiftRuntimeCommands...) {
		h.call(command, map[string]any{}).mustCode(t, livespec.CodeGiftNoPackage)
	}
}

func TestCopyDefaultGiftConfig(t *testing.T) {
	h := newHarness(t, Options{})
	h.call(livespec.CopyDefaultGiftConfig, map[string]any{}).mustOK(t)
	g := h.s.Gifts()
	if len(g.Gifts) != livespec.DefaultConfigGifts || len(g.Categories) != livespec.DefaultConfigCategories {
		t.Fatalf("seeded %d gifts, %d categories", len(g.Gifts), len(g.Categories))
	}
	for _, c := range g.Categories {
		if len(c.GiftIDs) == 0 {
			t.Errorf("category %s shows no gifts", c.CategoryID)
		}
	}
	h.call(livespec.CopyDefaultGiftConfig, map[string]any{}).mustCode(t, livespec.CodeGiftConfigExists)

	// One category alone is configuration too.
	c := newHarness(t, Options{})
	c.addCategory("hot")
	c.call(livespec.CopyDefaultGiftConfig, map[string]any{}).mustCode(t, livespec.CodeGiftConfigExists)
	// A package too small for the demo catalogue.
	q := newHarness(t, Options{GiftQuota: 10})
	q.call(livespec.CopyDefaultGiftConfig, map[string]any{}).mustCode(t, livespec.CodeOverPackageLimit)
}

func TestSendGiftAndCount(t *testing.T) {
	h := newHarness(t, Options{})
	h.addGift("rose", 10)
	h.createRoom("r1", nil)
	send := func(body map[string]any) envelope {
		b := map[string]any{"RoomId": "r1", "GiftId": "rose", "From_Account": "alice", "ReceiverList_Account": []string{"bob"}}
		for k, v := range body {
			if v == nil {
				delete(b, k)
			} else {
				b[k] = v
			}
		}
		return h.call("send_gift", b)
	}
	send(map[string]any{"Count": 3}).mustOK(t)
	send(map[string]any{"From_Account": "carol", "ReceiverList_Account": []string{"bob", "dave"}}).mustOK(t)
	count := func(user string) (out struct{ Sequence, TotalCount, TotalCoins, GiftSenderCount int64 }) {
		t.Helper()
		h.call("get_gift_count", map[string]any{"RoomId": "r1", "From_Account": user}).mustOK(t).decodeResponse(t, &out)
		return out
	}
	if got := count("bob"); got.Sequence != 2 || got.TotalCount != 4 || got.TotalCoins != 40 || got.GiftSenderCount != 2 {
		t.Errorf("bob %+v", got)
	}
	if got := count("nobody"); got.TotalCount != 0 || got.GiftSenderCount != 0 {
		t.Errorf("nobody %+v", got)
	}

	send(map[string]any{"GiftId": "tulip"}).mustCode(t, livespec.CodeGiftNotFound)
	send(map[string]any{"RoomId": "nowhere"}).mustCode(t, livespec.CodeRoomNotFound)
	h.call("get_gift_count", map[string]any{"RoomId": "nowhere", "From_Account": "bob"}).mustCode(t, livespec.CodeRoomNotFound)
	for _, bad := range []map[string]any{
		{"ReceiverList_Account": []string{}}, {"From_Account": nil}, {"Count": 0}, {"GiftId": nil}, {"RoomId": nil},
	} {
		send(bad).mustCode(t, livespec.CodeInvalidParam)
	}

	// The room's gift switch.
	if err := h.s.SetGiftEnabled("r1", false); err != nil {
		t.Fatal(err)
	}
	send(nil).mustCode(t, livespec.CodeGiftDisabledInRoom)
	if got := count("bob"); got.TotalCount != 4 {
		t.Errorf("a refused send counted: %+v", got)
	}
	if err := h.s.SetGiftEnabled("nowhere", false); !errors.Is(err, ErrNoSuchRoom) {
		t.Errorf("SetGiftEnabled of an unknown room: %v", err)
	}
	// A room created again under the same ID starts with the switch on and no statistics.
	h.call("destroy_room", map[string]any{"RoomId": "r1"}).mustOK(t)
	h.createRoom("r1", nil)
	send(nil).mustOK(t)
	if got := count("bob"); got.TotalCount != 1 {
		t.Errorf("the new room inherited statistics: %+v", got)
	}
}

func TestGiftStatePersists(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	h := newHarness(t, Options{StatePath: path})
	h.call("add_gift", rose(nil)).mustOK(t)
	h.call("set_gift_language", map[string]any{"GiftId": "rose", "Language": "en", "Name": "Rose"}).mustOK(t)
	h.addCategory("hot")
	h.call("add_gift_category_relations", map[string]any{"CategoryId": "hot", "GiftIdList": []string{"rose"}}).mustOK(t)
	h.createRoom("r1", nil)
	if err := h.s.SetGiftEnabled("r1", false); err != nil {
		t.Fatal(err)
	}
	before := h.s.Gifts()
	if err := h.s.Close(); err != nil {
		t.Fatal(err)
	}
	again := newHarness(t, Options{StatePath: path, Now: h.clock.Now})
	if after := again.s.Gifts(); !reflect.DeepEqual(normalizeTimes(before), normalizeTimes(after)) {
		t.Errorf("after a restart:\n%+v\nwant\n%+v", after, before)
	}
	again.call("send_gift", map[string]any{"RoomId": "r1", "GiftId": "rose", "From_Account": "a", "ReceiverList_Account": []string{"b"}}).
		mustCode(t, livespec.CodeGiftDisabledInRoom)
}

// normalizeTimes drops the monotonic clock readings that a JSON round trip loses.
func normalizeTimes(c GiftCatalog) GiftCatalog {
	for i := range c.Gifts {
		c.Gifts[i].CreateTime = c.Gifts[i].CreateTime.UTC().Round(0)
	}
	for i := range c.Rooms {
		c.Rooms[i].RoomCreated = c.Rooms[i].RoomCreated.UTC().Round(0)
	}
	return c
}

func TestGiftIntrospection(t *testing.T) {
	h := newHarness(t, Options{})
	h.addGift("rose", 10)
	h.createRoom("r1", nil)
	if e := h.do("POST", "/_emulator/gift-switch", "", `{"RoomId":"r1","IsGiftEnabled":false}`); e.HTTPStatus != 204 {
		t.Fatalf("gift-switch: HTTP %d", e.HTTPStatus)
	}
	h.call("send_gift", map[string]any{"RoomId": "r1", "GiftId": "rose", "From_Account": "a", "ReceiverList_Account": []string{"b"}}).
		mustCode(t, livespec.CodeGiftDisabledInRoom)
	if e := h.do("POST", "/_emulator/gift-switch", "", `{"RoomId":"nowhere","IsGiftEnabled":true}`); e.HTTPStatus != 404 {
		t.Errorf("gift-switch of an unknown room: HTTP %d", e.HTTPStatus)
	}
	if e := h.do("POST", "/_emulator/gift-switch", "", `{"RoomId":"r1"}`); e.HTTPStatus != 400 {
		t.Errorf("gift-switch without IsGiftEnabled: HTTP %d", e.HTTPStatus)
	}
}
