# Terraform 1.12+: import by identity. Accounts have no list command: adopt the ones you know
# with a for_each import (Terraform 1.7+) over their user IDs.
import {
  for_each = toset(["host-anna", "host-ben"])
  to       = tencentlive_account.hosts[each.key]
  identity = { user_id = each.key }
}

resource "tencentlive_account" "hosts" {
  for_each = toset(["host-anna", "host-ben"])
  user_id  = each.key
}
