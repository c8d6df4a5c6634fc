locals {
  categories = {
    popular = { en = "Popular", hans = "热门", hant = "熱門", gifts = ["rose", "heart", "star", "cake"] }
    deluxe  = { en = "Deluxe", hans = "豪华", hant = "豪華", gifts = ["crown", "diamond", "car", "yacht"] }
    legend  = { en = "Legend", hans = "传说", hant = "傳說", gifts = ["rocket", "castle", "fireworks", "planet"] }
  }
}

resource "tencentlive_gift_category" "panel" {
  for_each = local.categories

  category_id  = each.key
  default_name = each.value.en
  gift_ids     = [for g in each.value.gifts : tencentlive_gift.panel[g].gift_id]

  languages = {
    en        = { name = each.value.en }
    "zh-Hans" = { name = each.value.hans }
    "zh-Hant" = { name = each.value.hant }
  }
}
