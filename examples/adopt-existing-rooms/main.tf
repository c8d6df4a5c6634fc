# Adopt every room an application already has: the public ones from the room list, the private
# ones by ID. Import blocks with for_each need Terraform or OpenTofu 1.7 or later.
terraform {
  required_version = ">= 1.7"
  required_providers {
    tencentlive = {
      source = "tencentlive/tencentlive"
    }
  }
}

# Credentials from the environment: TENCENTLIVE_SDK_APP_ID, TENCENTLIVE_SECRET_KEY,
# TENCENTLIVE_REGION (or TENCENTLIVE_ENDPOINT for the emulator).
provider "tencentlive" {}

variable "room_id_prefix" {
  description = "Adopt the public rooms whose ID starts with this text (empty: all of them)."
  type        = string
  default     = ""
}

variable "private_room_ids" {
  description = "Rooms with is_public_visible = false: get_room_list does not list them, so name them here."
  type        = list(string)
  default     = []
}

data "tencentlive_rooms" "existing" {
  room_id_prefix = var.room_id_prefix
}

locals {
  room_ids = toset(concat(data.tencentlive_rooms.existing.ids, var.private_room_ids))
}

# Every attribute as the room has it now, so the first plan after the import changes nothing.
data "tencentlive_room" "existing" {
  for_each = local.room_ids
  room_id  = each.key
}

import {
  for_each = local.room_ids
  to       = tencentlive_room.adopted[each.key]
  id       = each.key
}

resource "tencentlive_room" "adopted" {
  for_each = local.room_ids

  room_id             = each.key
  seat_template       = data.tencentlive_room.existing[each.key].seat_template
  owner_account       = data.tencentlive_room.existing[each.key].owner_account
  room_name           = data.tencentlive_room.existing[each.key].room_name
  take_seat_mode      = data.tencentlive_room.existing[each.key].take_seat_mode
  max_member_count    = data.tencentlive_room.existing[each.key].max_member_count
  is_message_disabled = data.tencentlive_room.existing[each.key].is_message_disabled
  is_public_visible   = data.tencentlive_room.existing[each.key].is_public_visible
  cover_url           = data.tencentlive_room.existing[each.key].cover_url
  category            = data.tencentlive_room.existing[each.key].category
  activity_status     = data.tencentlive_room.existing[each.key].activity_status
  notice              = data.tencentlive_room.existing[each.key].notice
}

output "adopted_room_ids" {
  value = sort(keys(tencentlive_room.adopted))
}
