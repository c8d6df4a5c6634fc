# Terraform 1.12+: import by identity. sdk_app_id is optional; when given, it must be the
# provider's application.
import {
  to = tencentlive_gift.rose
  identity = {
    gift_id    = "rose"
    sdk_app_id = 1400123456
  }
}
