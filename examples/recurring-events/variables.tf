variable "schedule" {
  description = <<-EOT
    The events, keyed by date (YYYY-MM-DD). Each date gets one room with the ID
    "<prefix>-<date>"; topic becomes the room name (at most 100 bytes) and host the room's owner
    (a user ID of at most 32 bytes). Add next week's date and drop last week's: only those two
    rooms change.
  EOT
  type = map(object({
    topic = string
    host  = string
  }))

  validation {
    # formatdate rejects impossible dates such as 2026-02-30.
    condition = alltrue([
      for date in keys(var.schedule) :
      can(regex("^[0-9]{4}-[0-9]{2}-[0-9]{2}$", date)) && can(formatdate("YYYY", "${date}T00:00:00Z"))
    ])
    error_message = "Every key of schedule must be a calendar date written YYYY-MM-DD, such as 2026-12-03."
  }
}

variable "prefix" {
  description = <<-EOT
    Start of every room ID: "<prefix>-YYYY-MM-DD". A room ID is at most 48 bytes of printable
    ASCII, and the date part takes 11, so the prefix is 1 to 37 printable ASCII characters without
    spaces. Changing it replaces every room.
  EOT
  type        = string
  default     = "seminar"

  validation {
    # ASCII only, so length() (characters) equals the byte count the service limits.
    condition     = can(regex("^[!-~]{1,37}$", var.prefix))
    error_message = "prefix must be 1 to 37 printable ASCII characters without spaces: with \"-YYYY-MM-DD\" (11 bytes) the room ID must stay within 48 bytes."
  }
}

variable "hosts" {
  description = "Profiles of the hosts, by user ID. Hosts of the schedule missing here are imported without a nick or avatar."
  type = map(object({
    nick     = optional(string)
    face_url = optional(string)
  }))
  default = {}
}

variable "delete_hosts_on_destroy" {
  description = <<-EOT
    Whether a host who no longer appears in the schedule has their account deleted. Default false:
    hosts usually outlive a season, non-trial applications forbid deleting accounts unless the
    console allows it, and a deleted user ID cannot be imported again for three months.
  EOT
  type        = bool
  default     = false
}

variable "seat_template" {
  description = "Seat layout of every room. The default is the landscape 16:9 layout: one speaker on video, three panelists on audio."
  type        = string
  default     = "VideoLandscape4Seat"
}

variable "take_seat_mode" {
  description = "FreeToTake or ApplyToTake: whether the audience takes seats freely or applies to the host."
  type        = string
  default     = "ApplyToTake"
}

variable "category" {
  description = "Category tags of every room (application-defined integers, at most 3)."
  type        = list(number)
  default     = []
}
