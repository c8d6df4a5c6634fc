# Test helper: what the service itself lists under the prefix, independent of Terraform's state.
terraform {
  required_providers {
    tencentlive = {
      source = "tencentlive/tencentlive"
    }
  }
}

variable "prefix" {
  type = string
}

data "tencentlive_rooms" "scheduled" {
  room_id_prefix = "${var.prefix}-"
}

output "room_ids" {
  value = sort(data.tencentlive_rooms.scheduled.ids)
}
