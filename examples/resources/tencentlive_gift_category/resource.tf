resource "tencentlive_gift" "rose" {
  gift_id      = "rose"
  default_name = "Rose"
  coins        = 10
}

resource "tencentlive_gift" "rocket" {
  gift_id      = "rocket"
  default_name = "Rocket"
  coins        = 1000
  level        = 3
}

# A category shows the gifts in gift_ids, the whole set. Referencing the gift resources makes
# Terraform create the gifts first.
resource "tencentlive_gift_category" "hot" {
  category_id  = "hot"
  default_name = "Hot"
  default_desc = "Most sent this week"
  gift_ids = [
    tencentlive_gift.rose.gift_id,
    tencentlive_gift.rocket.gift_id,
  ]

  languages = {
    en        = { name = "Hot", desc = "Most sent this week" }
    "zh-Hans" = { name = "热门", desc = "本周最受欢迎" }
    "zh-Hant" = { name = "熱門", desc = "本週最受歡迎" }
  }
}
