# Nothing here changes with now alone: between two window edges a plan stays empty.

output "sessions" {
  description = "The sessions that have a room now, by local start (YYYYMMDD-hhmm): room ID, start (RFC 3339 in the rule's zone, or an override's start) and host (the room's owner)."
  value = {
    for key, room in tencentlive_room.session : key => {
      room_id = room.room_id
      start   = local.settings[key].start
      host    = room.owner_account
    }
  }

  precondition {
    condition     = alltrue(values(local.override_is_session))
    error_message = "overrides names sessions the rule does not have: ${join(", ", [for key, ok in local.override_is_session : key if !ok])}. A key is a session's local start as YYYYMMDD-hhmm; a session the rule excludes (EXDATE) cannot be overridden."
  }
}

output "room_ids" {
  description = "Room ID of each session that has a room, by local start (YYYYMMDD-hhmm)."
  value       = { for key, room in tencentlive_room.session : key => room.room_id }
}

output "managed_accounts" {
  description = "User IDs of the host accounts this module manages (managed_hosts), sorted. Hosts managed elsewhere are not listed."
  value       = sort([for account in tencentlive_account.host : account.user_id])
}
