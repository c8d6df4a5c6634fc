# A recurring event series from a calendar rule: one live room per session whose start falls in
# a window that moves with time. Run `terraform apply` on a schedule (daily, say): each run
# creates the rooms of sessions starting within create_ahead and dismisses those that started
# more than keep_after ago. A room's ID comes from its session's local start, so it is the same
# on every run for as long as the session has a room.

locals {
  now   = coalesce(var.now, plantimestamp())
  from  = timeadd(local.now, "-${var.keep_after}")
  until = timeadd(local.now, var.create_ahead)

  # The rule's zone name, for notices ("UTC" for a rule in UTC).
  zone = try(regex("(?i)DTSTART[^:\\n]*TZID=\"?([^:;\"\\n]+)", var.rule)[0], "UTC")

  # Sessions of the rule in [now - keep_after, now + create_ahead), by local start minute.
  rule_sessions = {
    for start in provider::tencentlive::occurrences(var.rule, local.from, local.until) :
    formatdate("YYYYMMDD-hhmm", start) => start
  }

  cancelled = toset([for key, o in var.overrides : key if o.cancelled])
  moved     = { for key, o in var.overrides : key => o.start if o.start != null && !o.cancelled }

  # A moved session is in the window by its new start, wherever its original start is.
  sessions = merge(
    { for key, start in local.rule_sessions : key => start if !contains(local.cancelled, key) && !contains(keys(local.moved), key) },
    { for key, start in local.moved : key => start if timecmp(start, local.from) >= 0 && timecmp(start, local.until) < 0 },
  )

  # Whether each override key is a session of the rule: its occurrences within 15 hours either
  # side of the key read as UTC (zone offsets are -12 to +14 hours), by local start minute.
  override_is_session = {
    for key in keys(var.overrides) : key => contains([
      for start in provider::tencentlive::occurrences(var.rule,
        timeadd("${substr(key, 0, 4)}-${substr(key, 4, 2)}-${substr(key, 6, 2)}T${substr(key, 9, 2)}:${substr(key, 11, 2)}:00Z", "-15h"),
      timeadd("${substr(key, 0, 4)}-${substr(key, 4, 2)}-${substr(key, 6, 2)}T${substr(key, 9, 2)}:${substr(key, 11, 2)}:00Z", "15h")) :
      formatdate("YYYYMMDD-hhmm", start)
    ], key)
  }

  # Each session's settings: the module's, then its override's, then its start.
  defaults = { topic = var.topic, host = var.host, notice = var.notice, cover_url = var.cover_url }
  settings = {
    for key, start in local.sessions : key => merge(
      local.defaults,
      { for name, value in try(var.overrides[key], {}) : name => value if value != null && contains(keys(local.defaults), name) },
      { start = start },
    )
  }

  # Hosts this module manages, by user ID: referencing the account (not just the ID) makes
  # Terraform import a host before creating their rooms (70107 otherwise).
  managed = { for id, account in tencentlive_account.host : id => account.user_id }
}

resource "tencentlive_account" "host" {
  for_each = var.managed_hosts

  user_id           = each.key
  nick              = each.value.nick
  face_url          = each.value.face_url
  delete_on_destroy = each.value.delete_on_destroy
}

resource "tencentlive_room" "session" {
  for_each = local.settings

  room_id       = "${var.prefix}-${each.key}"
  owner_account = each.value.host == null ? null : lookup(local.managed, each.value.host, each.value.host)
  room_name     = each.value.topic
  notice = each.value.notice != null ? each.value.notice : format("%s %s%s",
    formatdate("EEE D MMM YYYY, hh:mm", each.value.start), local.zone,
  local.zone == "UTC" ? "" : " (UTC${formatdate("ZZZZZ", each.value.start)})")
  cover_url           = each.value.cover_url
  seat_template       = var.seat_template
  take_seat_mode      = var.take_seat_mode
  max_seat_count      = var.max_seat_count
  max_member_count    = var.max_member_count
  is_message_disabled = var.is_message_disabled
  is_public_visible   = var.is_public_visible
  category            = var.category
  activity_status     = var.activity_status
  deletion_protection = var.deletion_protection
  timeouts            = var.timeouts

  is_unlimited_room_enabled = var.is_unlimited_room_enabled
  keep_owner_on_seat        = var.keep_owner_on_seat
  metadata                  = var.metadata
  admins                    = var.admins
  # The keep-alive robot: a room with a robot is not dismissed by the platform when it empties,
  # so the room lives until the window lets it go. Referenced through local.managed when the
  # module imports it, so Terraform imports it before the rooms.
  robots = var.keep_alive == null ? null : [lookup(local.managed, var.keep_alive, var.keep_alive)]
}
