# categories.tfquery.hcl: with the gifts' list block, `terraform query
# -generate-config-out=catalogue.tf` writes every category with the gift_ids it shows.
list "tencentlive_gift_category" "console" {
  provider = tencentlive

  # No filter: every category of the application.
  config {}
}
