# Terraform 1.5 and later: adopt a gift made in the console with an import block, then
# `terraform plan -generate-config-out=gifts.tf` writes its configuration.
import {
  to = tencentlive_gift.rose
  id = "rose"
}
