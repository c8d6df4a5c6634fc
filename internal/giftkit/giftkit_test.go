package giftkit

import (
	"context"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/tencentlive/terraform-provider-tencentlive/internal/wire"
)

func TestSameJSON(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		same bool
	}{
		{`{"a":"1","b":"2"}`, `{ "b": "2",  "a": "1" }`, true},
		{`{"a":"1"}`, `{"a":"2"}`, false},
		{"", "", true},
		{"", "{}", false},
		{"not json", "not json", true},
		{"not json", "not  json", false},
	} {
		if got := SameJSON(tc.a, tc.b); got != tc.same {
			t.Errorf("SameJSON(%q, %q) = %v", tc.a, tc.b, got)
		}
	}
}

// The service's spelling of the same JSON keeps the user's; an empty text is null unless set.
func TestFlattenExtensionInfo(t *testing.T) {
	prior := NewExtensionInfo(`{ "b": "2", "a": "1" }`)
	if got := FlattenExtensionInfo(`{"a":"1","b":"2"}`, prior); !got.Equal(prior) {
		t.Errorf("same JSON: got %v", got)
	}
	if got := FlattenExtensionInfo(`{"a":"9"}`, prior); got.ValueString() != `{"a":"9"}` {
		t.Errorf("changed JSON: got %v", got)
	}
	if got := FlattenExtensionInfo("", ExtensionInfoNull()); !got.IsNull() {
		t.Errorf("empty and unset: got %v", got)
	}
	if got := FlattenExtensionInfo("", NewExtensionInfo("")); got.IsNull() || got.ValueString() != "" {
		t.Errorf("empty and set empty: got %v", got)
	}
	eq, _ := prior.StringSemanticEquals(context.Background(), NewExtensionInfo(`{"a":"1","b":"2"}`))
	if !eq {
		t.Error("semantic equality misses the same JSON")
	}
	if kept := KeepPriorSpelling(NewExtensionInfo(`{"a":"1","b":"2"}`), prior); !kept.Equal(prior) {
		t.Error("a respelled plan value must become the prior one")
	}
	if kept := KeepPriorSpelling(NewExtensionInfo(`{"a":"2"}`), prior); kept.Equal(prior) {
		t.Error("a changed plan value must stay")
	}
}

func TestLanguageCodes(t *testing.T) {
	for code, want := range map[string]string{
		"zh-CN": "zh-Hans", "zh_Hans": "zh-Hans", "EN": "en", "en-US": "en", "zh-TW": "zh-Hant", "ZH_HANT": "zh-Hant", "fr": "",
	} {
		if got := SuggestLanguage(code); got != want {
			t.Errorf("SuggestLanguage(%q) = %q, want %q", code, got, want)
		}
	}
	if msg := CheckLanguageCode("languages", "zh-Hans"); msg != "" {
		t.Errorf("zh-Hans refused: %s", msg)
	}
	msg := CheckLanguageCode("languages", "zh-CN")
	for _, want := range []string{`"zh-CN"`, "en, zh-Hans, zh-Hant", "(it would answer 100002)", `Did you mean "zh-Hans"?`} {
		if !strings.Contains(msg, want) {
			t.Errorf("message lacks %q: %s", want, msg)
		}
	}
	if msg := CheckLanguageCode("languages", "fr"); strings.Contains(msg, "Did you mean") {
		t.Errorf("no suggestion for fr: %s", msg)
	}
}

func TestCheckExtensionInfo(t *testing.T) {
	for text, want := range map[string]string{
		`{"tier":"basic"}`: "",
		"":                 "",
		`{"n":1}`:          `has the key "n" whose value is not a string`,
		`[1]`:              "is JSON but not an object",
		`tier=basic`:       "is not JSON text; the vendor stores only JSON (it would answer 100002).",
		`{"k":"` + strings.Repeat("x", 93) + `"}`: "extension_info is 101 bytes; the vendor allows at most 100 bytes (it would answer 100002).",
	} {
		got := CheckExtensionInfo("extension_info", text)
		if (want == "") != (got == "") || !strings.Contains(got, want) {
			t.Errorf("%q: got %q, want %q", text, got, want)
		}
	}
}

func TestGiftNumber(t *testing.T) {
	for n, ok := range map[int64]bool{0: true, 2147483647: true, -1: false, 2147483648: false} {
		resp := &validator.Int64Response{}
		GiftNumber{}.ValidateInt64(context.Background(), validator.Int64Request{Path: path.Root("coins"), ConfigValue: types.Int64Value(n)}, resp)
		if ok == resp.Diagnostics.HasError() {
			t.Errorf("%d: %v", n, resp.Diagnostics)
		}
	}
}

func TestLanguageChanges(t *testing.T) {
	state := wire.Languages{"en": {Name: "Rose"}, "zh-Hans": {Name: "玫瑰"}, "zh-Hant": {Name: "玫瑰"}}
	plan := wire.Languages{"en": {Name: "Rose", Desc: "red"}, "zh-Hans": {Name: "玫瑰"}}
	set, del := LanguageChanges(state, plan)
	if strings.Join(set, ",") != "en" || strings.Join(del, ",") != "zh-Hant" {
		t.Fatalf("set %v del %v", set, del)
	}
	if set, del := LanguageChanges(plan, plan); len(set)+len(del) != 0 {
		t.Fatalf("no change sent %v %v", set, del)
	}
}

// A desc the service holds empty reads back as the configuration had it: null when unset.
func TestFlattenLanguages(t *testing.T) {
	ctx := context.Background()
	prior := types.MapValueMust(TextType, map[string]attr.Value{
		"en": types.ObjectValueMust(TextAttrTypes, map[string]attr.Value{"name": types.StringValue("Rose"), "desc": types.StringNull()}),
	})
	got, diags := FlattenLanguages(ctx, wire.Languages{"en": {Name: "Rose"}}, prior)
	if diags.HasError() || !got.Equal(prior) {
		t.Fatalf("got %v %v", got, diags)
	}
	if got, _ := FlattenLanguages(ctx, wire.Languages{}, types.MapNull(TextType)); !got.IsNull() {
		t.Fatalf("no translations and none configured: got %v", got)
	}
	back, _ := ExpandLanguages(ctx, types.MapNull(TextType))
	if len(back) != 0 {
		t.Fatalf("expand of null: %v", back)
	}
}

func TestCategoriesToRelink(t *testing.T) {
	s := &Session{}
	s.RememberCategories("rose", []string{"hot", "new", "gone"})
	s.PlanCategoryGifts("new", []string{"car"}) // the plan drops rose from "new"
	got := s.CategoriesToRelink("rose")
	if strings.Join(got, ",") != "hot,gone" {
		t.Fatalf("relink %v", got)
	}
	if again := s.CategoriesToRelink("rose"); again != nil {
		t.Fatalf("relinked twice: %v", again)
	}
}

func TestClaims(t *testing.T) {
	s := &Session{}
	if earlier, n := s.ClaimGift("rose", "first"); earlier != "" || n != 1 {
		t.Fatal(earlier, n)
	}
	if earlier, n := s.ClaimGift("rose", "second"); earlier != "first" || n != 1 {
		t.Fatal(earlier, n)
	}
	if _, n := s.ClaimCategory("rose", "category"); n != 1 {
		t.Fatal("gift and category IDs are separate namespaces")
	}
	if !s.GiftPlanned("rose") || s.GiftPlanned("car") {
		t.Fatal("GiftPlanned")
	}
	if !s.PlannedHere(s.Token()) || s.PlannedHere([]byte(`{"process":1}`)) {
		t.Fatal("PlannedHere")
	}
}
