output "room_ids" {
  description = "Room ID of each date."
  value       = { for date, room in tencentlive_room.event : date => room.room_id }
}

output "rooms" {
  description = "Each date's room: ID, name, host and creation time (Unix seconds)."
  value = {
    for date, room in tencentlive_room.event : date => {
      room_id     = room.room_id
      room_name   = room.room_name
      host        = room.owner_account
      create_time = room.create_time
    }
  }
}

output "hosts" {
  description = "User IDs of the hosts the schedule needs, sorted."
  value       = sort([for account in tencentlive_account.host : account.user_id])
}
