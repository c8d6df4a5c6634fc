# The whole gift catalogue, from one bulk read.
data "tencentlive_gifts" "all" {}

output "gift_prices" {
  value = { for g in data.tencentlive_gifts.all.gifts : g.gift_id => g.coins }
}

output "hot_gifts" {
  value = one([for c in data.tencentlive_gifts.all.categories : c.gift_ids if c.category_id == "hot"])
}
