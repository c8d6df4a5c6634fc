# gifts.tfquery.hcl: run `terraform query` (Terraform 1.14+) to see the gifts, or
# `terraform query -generate-config-out=gifts.tf` to write their configuration and import blocks.
list "tencentlive_gift" "console" {
  provider = tencentlive

  config {
    gift_id_prefix = "spring-"
    # Gifts outside the prefix to adopt as well.
    gift_ids = ["rose", "heart"]
  }
}
