# The public rooms whose ID starts with "event-" and that carry category 4. Only rooms with
# is_public_visible = true are listed.
data "tencentlive_rooms" "events" {
  room_id_prefix = "event-"
  category       = 4
}

output "event_room_ids" {
  value = data.tencentlive_rooms.events.ids
}

# Public rooms in activity status 1 (the numbers are the application's own), most viewers first.
data "tencentlive_rooms" "live_now" {
  activity_status = 1
}

output "viewers_by_room" {
  value = { for r in data.tencentlive_rooms.live_now.rooms : r.room_id => r.view_count }
}
