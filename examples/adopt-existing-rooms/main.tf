# Adopt every room an application already has: the public ones from the room list, the private
# ones by ID. Import blocks with for_each need Terraform or OpenTofu 1.7 or later. With Terraform
# 1.14 or later, `terraform query -generate-config-out` writes such a configuration for you
# (guide "Adopting the rooms you already have").
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

variable "protect_adopted_rooms" {
  description = "Turn deletion_protection on for the adopted rooms (after the import), so that no destroy or replacement dismisses a room this team did not make."
  type        = bool
  default     = false
}

variable "private_room_ids" {
  description = "Rooms with is_public_visible = false: get_room_list does not list them, so name them here."
  type        = list(string)
  default     = []
}

data "tencentlive_rooms" "existing" {
  room_id_prefix = var.room_id_prefix
}

# Every attribute as the room has it now, so the first plan after the import changes nothing.
data "tencentlive_room" "existing" {
  for_each = local.room_ids
  room_id  = each.key
}

locals {
  room_ids = toset(concat(data.tencentlive_rooms.existing.ids, var.private_room_ids))
  # The rooms below read the data source through this local: Terraform evaluates a local once,
  # but rebuilds every instance of data.tencentlive_room.existing each time a resource names it,
  # which for hundreds of rooms made a plan 12 times slower (96 s against 8 s for 200 rooms).
  existing = data.tencentlive_room.existing
}

import {
  for_each = local.room_ids
  to       = tencentlive_room.adopted[each.key]
  id       = each.key
}

resource "tencentlive_room" "adopted" {
  for_each = local.room_ids

  room_id             = each.key
  seat_template       = local.existing[each.key].seat_template
  owner_account       = local.existing[each.key].owner_account
  room_name           = local.existing[each.key].room_name
  take_seat_mode      = local.existing[each.key].take_seat_mode
  max_member_count    = local.existing[each.key].max_member_count
  is_message_disabled = local.existing[each.key].is_message_disabled
  is_public_visible   = local.existing[each.key].is_public_visible
  cover_url           = local.existing[each.key].cover_url
  category            = local.existing[each.key].category
  activity_status     = local.existing[each.key].activity_status
  notice              = local.existing[each.key].notice

  # What the application set beyond the room itself. The data source answers an empty map or set
  # for none, the imported state null: keep null, or the plan would manage an empty list.
  metadata = length(local.existing[each.key].metadata) > 0 ? local.existing[each.key].metadata : null
  admins   = length(local.existing[each.key].admins) > 0 ? local.existing[each.key].admins : null
  robots   = length(local.existing[each.key].robots) > 0 ? local.existing[each.key].robots : null

  # Terraform's own setting, no API call: apply again with -var protect_adopted_rooms=true once
  # the rooms are imported.
  deletion_protection = var.protect_adopted_rooms
}

output "adopted_room_ids" {
  value = sort(keys(tencentlive_room.adopted))
}
