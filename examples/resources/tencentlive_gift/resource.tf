# A gift with its names in the three languages the gift system knows. Names and descriptions
# are counted in UTF-8 bytes: 20 bytes hold six CJK characters.
resource "tencentlive_gift" "rose" {
  gift_id      = "rose"
  default_name = "Rose"
  default_desc = "A red rose"
  coins        = 10
  level        = 1
  icon_url     = "https://cdn.example.com/gifts/rose.png"
  resource_url = "https://cdn.example.com/gifts/rose.mp4"

  # A JSON object of strings, at most 100 bytes; compared as JSON.
  extension_info = jsonencode({ tier = "basic", sound = "chime" })

  languages = {
    en        = { name = "Rose", desc = "A red rose" }
    "zh-Hans" = { name = "玫瑰", desc = "一朵红玫瑰" }
    "zh-Hant" = { name = "玫瑰", desc = "一朵紅玫瑰" }
  }
}
