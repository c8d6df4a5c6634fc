terraform {
  required_providers {
    tencentlive = {
      source = "tencentlive/tencentlive"
    }
  }
}

# The secret key comes from the environment, never from the configuration or a variable:
#   export TENCENTLIVE_SECRET_KEY=...   (a CI secret, or your shell's secret store)
# A variable, even a sensitive one, is written into saved plan files (terraform plan -out).
# Every other setting may come from its environment variable too: TENCENTLIVE_SDK_APP_ID,
# TENCENTLIVE_IDENTIFIER, TENCENTLIVE_REGION, TENCENTLIVE_ENDPOINT, TENCENTLIVE_MAX_RETRIES,
# TENCENTLIVE_REQUESTS_PER_SECOND, TENCENTLIVE_PLAN_CHECKS, TENCENTLIVE_ADOPT_EXISTING_ROOMS.
provider "tencentlive" {
  sdk_app_id = 1400000000
  identifier = "administrator" # an App Admin account; the default room owner
  region     = "singapore"     # the data centre of the application

  # endpoint = "http://127.0.0.1:8080" # the emulator (overrides region)
}
