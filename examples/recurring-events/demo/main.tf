# The series `make demo-recurring` replays as a daily pipeline (scripts/demo-recurring.sh passes
# `now`; a real pipeline leaves it unset, and the module takes plantimestamp()). The module calls
# provider::tencentlive::occurrences: Terraform 1.8 or later, or OpenTofu 1.7 or later.
terraform {
  required_providers {
    tencentlive = { source = "tencentlive/tencentlive" }
  }
}

provider "tencentlive" {}

variable "now" {
  type    = string
  default = null
}

module "seminar" {
  source = "../"

  rule          = <<-EOT
    DTSTART;TZID=Asia/Shanghai:20261203T100000
    RRULE:FREQ=WEEKLY;BYDAY=TH
    EXDATE;TZID=Asia/Shanghai:20261224T100000
  EOT
  now           = var.now
  prefix        = "seminar"
  topic         = "Weekly seminar"
  host          = "host-ada"
  keep_alive    = "seminar-keeper"
  managed_hosts = { "host-ada" = { nick = "Ada" }, "seminar-keeper" = { nick = "Keep-alive robot" } }
  overrides = {
    "20261217-1000" = { start = "2026-12-18T19:00:00+08:00", topic = "Year-end special" }
  }
}

output "sessions" {
  value = module.seminar.sessions
}
