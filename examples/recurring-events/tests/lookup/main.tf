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

# Each listed room as get_room_info reports it, for its robots.
data "tencentlive_room" "listed" {
  for_each = toset(data.tencentlive_rooms.scheduled.ids)
  room_id  = each.value
}

output "robots" {
  value = { for id, room in data.tencentlive_room.listed : id => room.robots }
}
