# A handful of realistic live rooms. The provider reads everything from the TENCENTLIVE_*
# environment variables (endpoint, sdk_app_id, secret_key, ...), so the same configuration runs
# against the emulator and against a real application.

terraform {
  required_version = ">= 1.5"
  required_providers {
    tencentlive = {
      source = "tencentlive/tencentlive"
    }
  }
}

provider "tencentlive" {}

variable "prefix" {
  description = "Prefix of every room ID, so several demos can share one application."
  type        = string
  default     = "demo"
}

# Showroom: a single host selling live, the audience in chat.
resource "tencentlive_room" "showroom" {
  room_id       = "${var.prefix}-showroom"
  seat_template = "VideoDynamicGrid9Seats"
  room_name     = "Spring collection showroom"
  cover_url     = "https://cdn.example.com/covers/showroom.jpg"
  category      = [1, 12]
  notice        = "Live from 20:00. Limited stock, ask in chat!"
}

# Guest live: viewers apply to join the host on camera.
resource "tencentlive_room" "guest_live" {
  room_id          = "${var.prefix}-guest-live"
  seat_template    = "VideoDynamicFloat7Seats"
  take_seat_mode   = "ApplyToTake"
  room_name        = "Ask me anything: guest live"
  category         = [3]
  max_member_count = 500
}

# Seminar: landscape 16:9, one speaker on video and three panelists; chat muted for the audience.
resource "tencentlive_room" "seminar" {
  room_id             = "${var.prefix}-seminar"
  seat_template       = "VideoLandscape4Seat"
  take_seat_mode      = "ApplyToTake"
  room_name           = "Quarterly product seminar"
  is_message_disabled = true
  notice              = "Questions go through the moderator."
  activity_status     = 1
}

# Voice salon: an audio room with eight seats.
resource "tencentlive_room" "voice_salon" {
  room_id        = "${var.prefix}-voice-salon"
  seat_template  = "AudioSalon"
  max_seat_count = 8
  take_seat_mode = "ApplyToTake"
  room_name      = "深夜爵士 · Late-night jazz salon"
  category       = [7]
}

# Karaoke: free seats, not listed publicly.
resource "tencentlive_room" "karaoke" {
  room_id           = "${var.prefix}-karaoke"
  seat_template     = "Karaoke"
  room_name         = "Friday KTV"
  is_public_visible = false
}

locals {
  rooms = [
    tencentlive_room.showroom,
    tencentlive_room.guest_live,
    tencentlive_room.seminar,
    tencentlive_room.voice_salon,
    tencentlive_room.karaoke,
  ]
}

output "rooms" {
  description = "Every demo room: name, seat template, seats, owner and creation time (Unix seconds)."
  value = {
    for r in local.rooms : r.room_id => {
      name          = r.room_name
      seat_template = r.seat_template
      seats         = r.max_seat_count
      owner         = r.owner_account
      created       = r.create_time
    }
  }
}
