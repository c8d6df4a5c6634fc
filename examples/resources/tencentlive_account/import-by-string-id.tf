# Terraform 1.5 and later: adopt an existing account with an import block, then `terraform plan`.
# The next apply sends nick and face_url from the configuration (account_import is an upsert).
import {
  to = tencentlive_account.host
  id = "host-jane"
}
