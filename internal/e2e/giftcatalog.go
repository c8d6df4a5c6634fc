package e2e

import (
	"fmt"
	"strings"
)

// The gift catalogue of the benchmarks (BenchmarkGiftCatalog, make bench): GiftCatalogGifts gifts
// with a translation in each of GiftCatalogLanguages languages, and three categories that share
// them out. Every gift configuration command is limited to 1 call/s.
const (
	GiftCatalogGifts      = 16
	GiftCatalogLanguages  = 3
	GiftCatalogCategories = 3
)

// GiftCatalogCalls is how many gift configuration calls applying the catalogue of gifts gifts
// from empty takes: each gift's add_gift and translations, each category's add_gift_category,
// translations and one add_gift_category_relations.
func GiftCatalogCalls(gifts int) int {
	return gifts*(1+GiftCatalogLanguages) + GiftCatalogCategories*(1+GiftCatalogLanguages+1)
}

// GiftCatalogHCL is that catalogue with gifts gifts; repriced changes the first gift's price
// (10 coins to 15), a change that must send one edit_gift.
func GiftCatalogHCL(gifts int, repriced bool) string {
	var b strings.Builder
	b.WriteString("terraform {\n  required_providers {\n    tencentlive = { source = \"tencentlive/tencentlive\" }\n  }\n}\n\nprovider \"tencentlive\" {}\n")
	for i := range gifts {
		fmt.Fprintf(&b, `
resource "tencentlive_gift" "g%02d" {
  gift_id      = "tf-acc-test-g%02d"
  default_name = "Gift %02d"
  coins        = %d
  languages = {
    en        = { name = "Gift %02d", desc = "number %d" }
    "zh-Hans" = { name = "礼物%02d" }
    "zh-Hant" = { name = "禮物%02d" }
  }
}
`, i, i, i, giftPrice(i, repriced), i, i, i, i)
	}
	for c := range GiftCatalogCategories {
		var refs []string
		for i := c; i < gifts; i += GiftCatalogCategories {
			refs = append(refs, fmt.Sprintf("tencentlive_gift.g%02d.gift_id", i))
		}
		fmt.Fprintf(&b, `
resource "tencentlive_gift_category" "c%d" {
  category_id  = "tf-acc-test-c%d"
  default_name = "Category %d"
  gift_ids     = [%s]
  languages = {
    en        = { name = "Category %d" }
    "zh-Hans" = { name = "分类%d" }
    "zh-Hant" = { name = "分類%d" }
  }
}
`, c, c, c, strings.Join(refs, ", "), c, c, c)
	}
	return b.String()
}

func giftPrice(i int, repriced bool) int {
	if i == 0 && repriced {
		return 15
	}
	return 10 * (i + 1)
}
