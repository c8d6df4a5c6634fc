# A recurring event series: one live room per date of the schedule, owned by that date's host.
#
# Room IDs come from the date alone, so a room keeps its ID (and its audience link) while the
# schedule moves on: adding a date creates one room, removing a date destroys one room, and
# changing a topic renames its room in place.

locals {
  # Unique hosts: several dates may share one.
  host_ids = toset([for event in values(var.schedule) : event.host])
}

resource "tencentlive_account" "host" {
  for_each = local.host_ids

  user_id           = each.key
  nick              = try(var.hosts[each.key].nick, null)
  face_url          = try(var.hosts[each.key].face_url, null)
  delete_on_destroy = var.delete_hosts_on_destroy
}

resource "tencentlive_room" "event" {
  for_each = var.schedule

  room_id        = "${var.prefix}-${each.key}"
  seat_template  = var.seat_template
  take_seat_mode = var.take_seat_mode
  room_name      = each.value.topic
  notice         = "Live on ${formatdate("EEE D MMM YYYY", "${each.key}T00:00:00Z")}."
  category       = var.category

  # Referencing the account (not just its ID string) makes Terraform import the host before
  # the room is created (70107 otherwise) and destroy the room before the host.
  owner_account = tencentlive_account.host[each.value.host].user_id
}
