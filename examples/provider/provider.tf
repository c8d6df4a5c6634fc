terraform {
  required_providers {
    tencentlive = {
      source = "tencentlive/tencentlive"
    }
  }
}

# Every setting may instead come from its environment variable: TENCENTLIVE_SDK_APP_ID,
# TENCENTLIVE_SECRET_KEY, TENCENTLIVE_IDENTIFIER, TENCENTLIVE_REGION, TENCENTLIVE_ENDPOINT,
# TENCENTLIVE_MAX_RETRIES and TENCENTLIVE_REQUESTS_PER_SECOND.
provider "tencentlive" {
  sdk_app_id = 1400000000
  secret_key = var.tencentlive_secret_key # keep it out of the configuration
  identifier = "administrator"            # an App Admin account; the default room owner
  region     = "singapore"                # the data centre of the application

  # endpoint = "http://127.0.0.1:8080"    # the emulator (overrides region)
}

variable "tencentlive_secret_key" {
  type      = string
  sensitive = true
}
