terraform {
  required_version = ">= 1.6"

  required_providers {
    tencentlive = {
      source = "tencentlive/tencentlive"
    }
  }
}
