# The gift panel of the guide "Your gift panel as code": twelve gifts in three languages
# (gifts.tf) and three categories showing them (categories.tf). lunar_new_year.tf.example is the
# guide's seasonal category, not applied by default: copy it to lunar_new_year.tf for the season
# (after dropping one of the three categories, or with category_quota raised), delete it when the
# season ends. The provider reads everything from the TENCENTLIVE_* environment variables, so the
# same configuration runs against the emulator and against a real application.
# internal/e2e/gift_panel_guide_test.go applies all of it against the emulator.

terraform {
  required_version = ">= 1.6"
  required_providers {
    tencentlive = {
      source = "tencentlive/tencentlive"
    }
  }
}

provider "tencentlive" {}
