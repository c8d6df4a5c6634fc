locals {
  gifts = {
    rose      = { coins = 1, level = 0, en = "Rose", hans = "玫瑰", hant = "玫瑰" }
    heart     = { coins = 5, level = 0, en = "Heart", hans = "爱心", hant = "愛心" }
    star      = { coins = 10, level = 1, en = "Star", hans = "星星", hant = "星星" }
    cake      = { coins = 20, level = 1, en = "Cake", hans = "蛋糕", hant = "蛋糕" }
    crown     = { coins = 50, level = 2, en = "Crown", hans = "皇冠", hant = "皇冠" }
    diamond   = { coins = 100, level = 2, en = "Diamond", hans = "钻石", hant = "鑽石" }
    car       = { coins = 300, level = 3, en = "Sports car", hans = "跑车", hant = "跑車" }
    yacht     = { coins = 800, level = 3, en = "Yacht", hans = "游艇", hant = "遊艇" }
    rocket    = { coins = 1000, level = 4, en = "Rocket", hans = "火箭", hant = "火箭" }
    castle    = { coins = 2000, level = 4, en = "Castle", hans = "城堡", hant = "城堡" }
    fireworks = { coins = 3000, level = 5, en = "Fireworks", hans = "烟花", hant = "煙花" }
    planet    = { coins = 5000, level = 5, en = "Planet", hans = "星球", hant = "星球" }
  }
}

resource "tencentlive_gift" "panel" {
  for_each = local.gifts

  gift_id        = each.key
  default_name   = each.value.en
  coins          = each.value.coins
  level          = each.value.level
  icon_url       = "https://cdn.example.com/gifts/${each.key}.png"
  resource_url   = "https://cdn.example.com/gifts/${each.key}.mp4"
  extension_info = jsonencode({ rarity = tostring(each.value.level) })

  languages = {
    en        = { name = each.value.en }
    "zh-Hans" = { name = each.value.hans }
    "zh-Hant" = { name = each.value.hant }
  }
}
