# Terraform 1.12+: import by identity, then `terraform plan -generate-config-out=gifts.tf` writes
# the gift's configuration. sdk_app_id is optional; when given, it must be the provider's
# application.
import {
  to = tencentlive_gift.heart
  identity = {
    gift_id    = "heart"
    sdk_app_id = 1400123456
  }
}
