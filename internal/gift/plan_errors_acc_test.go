package gift_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"

	"github.com/tencentlive/terraform-provider-tencentlive/emulator"
	"github.com/tencentlive/terraform-provider-tencentlive/internal/acctest"
)

// Every plan-time check of the gift resources fails the plan with the vendor's limit and code,
// and nothing is written.
func TestAccGift_planErrors(t *testing.T) {
	acctest.PreCheckGifts(t)
	e := acctest.NewEnv(t, emulator.Options{})
	id := acctest.GiftID()
	giftWith := func(lines ...string) string {
		return fmt.Sprintf("resource \"tencentlive_gift\" \"test\" {\n  gift_id = %q\n  %s\n}\n", id,
			strings.Join(append([]string{`default_name = "Rose"`, "coins = 1"}, lines...), "\n  "))
	}
	category := func(lines ...string) string {
		return fmt.Sprintf("resource \"tencentlive_gift_category\" \"test\" {\n  category_id = %q\n  default_name = \"Hot\"\n  %s\n}\n",
			acctest.GiftID(), strings.Join(lines, "\n  "))
	}
	gifts := func(n int) string {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, "resource \"tencentlive_gift\" \"g%d\" {\n  gift_id = %q\n  default_name = \"G\"\n  coins = 1\n}\n", i, acctest.GiftID())
		}
		return b.String()
	}
	categories := func(n int) string {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, "resource \"tencentlive_gift_category\" \"c%d\" {\n  category_id = %q\n  default_name = \"C\"\n}\n", i, acctest.GiftID())
		}
		return b.String()
	}
	cases := []struct {
		name, config string
		want         *regexp.Regexp
	}{
		{"name of 7 CJK characters", giftWith(`languages = { "zh-Hans" = { name = "一二三四五六七" } }`),
			acctest.Diagnostic(`languages["zh-Hans"].name is 21 bytes; the vendor allows at most 20 bytes (it would answer 100002).`)},
		{"default_name over 20 bytes", strings.Replace(giftWith(), `default_name = "Rose"`, `default_name = "玫瑰玫瑰玫瑰玫"`, 1),
			acctest.Diagnostic("default_name is 21 bytes; the vendor allows at most 20 bytes (it would answer 100002).")},
		{"category description over 60 bytes", category(`default_desc = "` + strings.Repeat("热", 21) + `"`),
			acctest.Diagnostic("default_desc is 63 bytes; the vendor allows at most 60 bytes (it would answer 100002).")},
		{"extension_info over 100 bytes", giftWith(`extension_info = jsonencode({ k = "` + strings.Repeat("x", 100) + `" })`),
			acctest.Diagnostic("extension_info is 108 bytes; the vendor allows at most 100 bytes (it would answer 100002).")},
		{"zh-CN", giftWith(`languages = { "zh-CN" = { name = "玫瑰" } }`),
			acctest.Diagnostic(`languages has the key "zh-CN", which is not a language code of the gift system; the vendor accepts only en, zh-Hans, zh-Hant, in that exact case (it would answer 100002). Did you mean "zh-Hans"?`)},
		{"zh_Hans", giftWith(`languages = { "zh_Hans" = { name = "玫瑰" } }`), acctest.Diagnostic(`"zh_Hans"`, `Did you mean "zh-Hans"?`)},
		{"EN", category(`languages = { EN = { name = "Hot" } }`), acctest.Diagnostic(`"EN"`, `Did you mean "en"?`)},
		{"extension_info not JSON", giftWith(`extension_info = "tier=basic"`),
			acctest.Diagnostic("extension_info is not JSON text; the vendor stores only JSON (it would answer 100002).")},
		{"extension_info not an object", giftWith(`extension_info = "[1]"`), acctest.Diagnostic("extension_info is JSON but not an object")},
		{"extension_info value not a string", category(`extension_info = jsonencode({ order = 1 })`),
			acctest.Diagnostic(`extension_info has the key "order" whose value is not a string`)},
		{"negative coins", strings.Replace(giftWith(), "coins = 1", "coins = -1", 1),
			acctest.Diagnostic("coins is -1; it must be from 0 to 2147483647", "(it would answer 100002)")},
		{"oversized level", giftWith("level = 2147483648"), acctest.Diagnostic("level is 2147483648; it must be from 0 to 2147483647")},
		{"category lists an unknown gift", category(`gift_ids = ["tf-acc-test-nogift"]`),
			acctest.Diagnostic(`gift_ids lists "tf-acc-test-nogift", which is neither a gift of the application nor a tencentlive_gift planned before this category`)},
		{"two resources claim one gift ID", giftWith() + strings.Replace(giftWith(), `"test"`, `"again"`, 1),
			acctest.Diagnostic(fmt.Sprintf(`Two resources claim gift %q`, id), "Give each resource its own gift_id.")},
		{"more gifts than gift_quota", strings.Replace(e.Provider(), "provider \"tencentlive\" {", "provider \"tencentlive\" {\n  gift_quota = 2", 1) + gifts(3),
			acctest.Diagnostic("Too many gifts for the package", "the application's package allows 2 (gift_quota) (it would answer 100013)")},
		{"more categories than the documented quota", categories(4),
			acctest.Diagnostic("Too many gift categories for the package", "allows 3 (category_quota) (it would answer 100013)")},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			config := tc.config
			if !strings.Contains(config, "provider \"tencentlive\"") {
				config = e.Provider() + config
			}
			if e.Emu != nil {
				e.Emu.ResetStats()
			}
			resource.Test(t, resource.TestCase{
				ProtoV6ProviderFactories: testProviders,
				Steps:                    []resource.TestStep{{Config: config, PlanOnly: true, ExpectError: tc.want}},
			})
			if e.Emu != nil {
				if writes := writesSince(e); len(writes) > 0 {
					t.Fatalf("a refused plan wrote %v", writes)
				}
			}
		})
	}
}
