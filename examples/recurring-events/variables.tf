# --- The calendar and the window ----------------------------------------------------------------

variable "rule" {
  description = <<-EOT
    The series as iCalendar text (RFC 5545): one DTSTART with a TZID (or in UTC), one or more
    RRULE lines, optional EXDATE and RDATE lines, for example
      DTSTART;TZID=Asia/Shanghai:20261203T100000
      RRULE:FREQ=WEEKLY;BYDAY=TH
      EXDATE;TZID=Asia/Shanghai:20261224T100000,20261231T100000
    Sessions must start at least a minute apart: a session is known by its local start minute.
  EOT
  type        = string
}

variable "prefix" {
  description = <<-EOT
    Start of every room ID: "<prefix>-<local start as YYYYMMDD-hhmm>", such as
    seminar-20261203-1000. A room ID is at most 48 bytes of TRTC's room ID characters, and the
    start takes 14, so the prefix is 1 to 34 of them (letters, digits, space and
    !#$%&()+-:;<=.>?@[]^_{}|~,). Changing it replaces every room.
  EOT
  type        = string
  default     = "seminar"

  validation {
    # ASCII only, so length() (characters) equals the byte count the service limits.
    condition     = can(regex("^[A-Za-z0-9 !#$%&()+:;<=.>?@^_{}|~,\\[\\]-]{1,34}$", var.prefix))
    error_message = "prefix must be 1 to 34 room ID characters (letters, digits, space, !#$%&()+-:;<=.>?@[]^_{}|~,): with \"-YYYYMMDD-hhmm\" (14 bytes) the room ID must stay within 48 bytes (the service answers 100001 otherwise)."
  }
}

variable "now" {
  description = "The moment the window is measured from, RFC 3339. Default (null): plantimestamp(), the time of the plan. Set it in tests and to replay a run."
  type        = string
  default     = null

  validation {
    condition     = var.now == null || can(timecmp(var.now, var.now))
    error_message = "now must be an RFC 3339 timestamp such as 2026-12-03T02:00:00Z."
  }
}

variable "create_ahead" {
  description = "How far ahead rooms exist: a session has a room once its start is less than this after now. A duration such as \"336h\" (two weeks); h, m and s units."
  type        = string
  default     = "336h"

  validation {
    condition     = try(timecmp(timeadd("2000-01-01T00:00:00Z", var.create_ahead), "2000-01-01T00:00:00Z") > 0, false)
    error_message = "create_ahead must be a positive duration such as \"336h\" or \"72h30m\" (units h, m, s)."
  }
}

variable "keep_after" {
  description = "How long a room stays after its session starts; after that the next apply dismisses it. A duration such as \"6h\"; \"0s\" dismisses rooms as soon as they start."
  type        = string
  default     = "6h"

  validation {
    condition     = try(timecmp(timeadd("2000-01-01T00:00:00Z", var.keep_after), "2000-01-01T00:00:00Z") >= 0, false)
    error_message = "keep_after must be a duration of zero or more, such as \"6h\" or \"90m\" (units h, m, s)."
  }
}

variable "overrides" {
  description = <<-EOT
    Changes to single sessions, keyed by the session's local start as YYYYMMDD-hhmm (the end of
    its room ID). Any of: topic, host, notice, cover_url; start, an RFC 3339 time the session
    moves to (it keeps its key, room ID and audience link, as RFC 5545's RECURRENCE-ID does; its
    room then follows the window by the new start); cancelled = true (no room). A key that is no
    session of the rule is an error.
  EOT
  type = map(object({
    topic     = optional(string)
    host      = optional(string)
    notice    = optional(string)
    cover_url = optional(string)
    start     = optional(string)
    cancelled = optional(bool, false)
  }))
  default = {}

  validation {
    condition = alltrue([
      for key in keys(var.overrides) :
      can(regex("^[0-9]{8}-[0-9]{4}$", key)) &&
      can(timeadd("${substr(key, 0, 4)}-${substr(key, 4, 2)}-${substr(key, 6, 2)}T${substr(key, 9, 2)}:${substr(key, 11, 2)}:00Z", "0s"))
    ])
    error_message = "Every key of overrides is a session's local start written YYYYMMDD-hhmm, such as 20261203-1000."
  }
  validation {
    condition     = alltrue([for o in values(var.overrides) : o.start == null || can(timecmp(o.start, o.start))])
    error_message = "overrides[...].start must be an RFC 3339 timestamp with the rule's offset, such as 2026-12-04T15:00:00+08:00."
  }
}

# --- Hosts ----------------------------------------------------------------------------------------

variable "host" {
  description = "User ID of the host who owns every room (at most 32 bytes); overrides may name another. Default: the provider's identifier. The account must exist: imported elsewhere, or listed in managed_hosts."
  type        = string
  default     = null
}

variable "managed_hosts" {
  description = <<-EOT
    Host accounts this module imports and manages (tencentlive_account), by user ID, with an
    optional profile. Leave out hosts managed elsewhere (another module, the root
    configuration, the console): they are used by ID and never managed twice. delete_on_destroy
    (default false) deletes the account when it leaves this map; a deleted user ID cannot be
    imported again for three months.
  EOT
  type = map(object({
    nick              = optional(string)
    face_url          = optional(string)
    delete_on_destroy = optional(bool, false)
  }))
  default = {}
}

variable "keep_alive" {
  description = <<-EOT
    User ID of a robot account added to every room (robots). A room with a robot is not dismissed
    by the platform when it empties (about 30 minutes after its last member left), so a session's
    room lives from its creation until start + keep_after, when the module lets it go. It must be
    an imported account: list it in managed_hosts to have this module import it, or manage it
    elsewhere. Null: no robot, and the platform may dismiss an emptied room before it is due.
  EOT
  type        = string
  default     = null
}

# --- Room settings: every tencentlive_room argument; null leaves the provider's default ------------

variable "topic" {
  description = "Room name of every session (1 to 100 bytes); overrides may change it per session. Default: the room ID."
  type        = string
  default     = null
}

variable "notice" {
  description = "Room notice of every session (at most 100 bytes). Default: the session's local date and time with its zone, such as \"Thu 3 Dec 2026, 10:00 Asia/Shanghai (UTC+08:00)\"."
  type        = string
  default     = null
}

variable "seat_template" {
  description = "Seat layout of every room. Default: the landscape 16:9 seminar layout, one speaker on video and three panelists on audio. Changing it replaces every room."
  type        = string
  default     = "VideoLandscape4Seat"
}

variable "take_seat_mode" {
  description = "FreeToTake or ApplyToTake: whether the audience takes seats freely or applies to the host."
  type        = string
  default     = "ApplyToTake"
}

variable "max_seat_count" {
  description = "Seats of an audio room (AudioSalon, Karaoke); null for the template's count."
  type        = number
  default     = null
}

variable "max_member_count" {
  description = "Room capacity in members; null for the package's limit."
  type        = number
  default     = null
}

variable "is_message_disabled" {
  description = "Mutes chat for everyone but the owner and admins. null: the provider's default (false)."
  type        = bool
  default     = null
}

variable "is_public_visible" {
  description = "Whether rooms are listed by get_room_list. null: the provider's default (true)."
  type        = bool
  default     = null
}

variable "cover_url" {
  description = "Cover image URL of every room (at most 200 bytes); overrides may change it per session."
  type        = string
  default     = null
}

variable "category" {
  description = "Category tags of every room (application-defined integers, at most 3)."
  type        = list(number)
  default     = null
}

variable "activity_status" {
  description = "Application-defined activity status of every room."
  type        = number
  default     = null
}

variable "deletion_protection" {
  description = "While true, a plan that would dismiss a room fails, including rooms the window lets go: set it for a season you must not lose, not for a rolling series."
  type        = bool
  default     = null
}

variable "timeouts" {
  description = "Operation timeouts of every room (create, read, update, delete), such as { create = \"2m\" }."
  type = object({
    create = optional(string)
    read   = optional(string)
    update = optional(string)
    delete = optional(string)
  })
  default = null
}

variable "is_unlimited_room_enabled" {
  description = "IsUnlimitedRoomEnabled of every room, as Tencent's console sends it (some app versions need it)."
  type        = bool
  default     = null
}

variable "keep_owner_on_seat" {
  description = "Whether the host takes a seat automatically; false for rooms a robot pushes a stream into from OBS. Changing it replaces every room."
  type        = bool
  default     = null
}

variable "metadata" {
  description = "Room metadata keys of every room (at most 10 keys, key at most 50 bytes, value at most 2 KB, 16 KB in all); keys the app writes at run time are left alone."
  type        = map(string)
  default     = null
}

variable "admins" {
  description = "Admins (moderators) of every room, by user ID; each must be an imported account. Null: not managed."
  type        = set(string)
  default     = null
}
