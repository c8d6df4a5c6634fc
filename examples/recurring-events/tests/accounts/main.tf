# Test helper: a host account managed outside the module, as another module or the root
# configuration would. The module must use it by ID and not manage it.
terraform {
  required_providers {
    tencentlive = {
      source = "tencentlive/tencentlive"
    }
  }
}

resource "tencentlive_account" "grace" {
  user_id = "host-grace"
  nick    = "Grace"
}
