terraform {
  # Provider-defined functions (provider::tencentlive::occurrences): Terraform 1.8 or OpenTofu 1.7.
  required_version = ">= 1.8"

  required_providers {
    tencentlive = {
      source = "tencentlive/tencentlive"
    }
  }
}
