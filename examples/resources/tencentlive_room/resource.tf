# A portrait showroom: one host, up to 8 guests on a dynamic grid.
resource "tencentlive_room" "showroom" {
  room_id       = "showroom-001"
  seat_template = "VideoDynamicGrid9Seats"
  room_name     = "Evening showroom"
  cover_url     = "https://cdn.example.com/covers/showroom.png"
  category      = [1, 4]
  notice        = "New collection drops at 20:00."
}

# A voice chat room with 8 seats; audience members apply to speak.
resource "tencentlive_room" "voice_salon" {
  room_id          = "salon-jazz"
  seat_template    = "AudioSalon"
  max_seat_count   = 8
  take_seat_mode   = "ApplyToTake"
  max_member_count = 500
  room_name        = "Late-night jazz salon"
  owner_account    = "host-jane" # an imported account

  timeouts = {
    create = "2m"
  }
}

# A room whose stream a robot pushes from OBS: the robot keeps the room from being dismissed
# when it empties. Metadata, admins and robots name imported accounts and keys this
# configuration manages; keys the app writes at run time are left alone.
resource "tencentlive_room" "obs_stage" {
  room_id                   = "stage-obs"
  seat_template             = "VideoLandscape4Seats"
  is_unlimited_room_enabled = true  # as Tencent's console sends
  keep_owner_on_seat        = false # the robot takes seat 0, not the host
  deletion_protection       = true

  metadata = {
    theme    = "dark"
    schedule = jsonencode({ starts = "20:00", ends = "22:00" })
  }
  admins = ["mod-lee", "mod-kim"]
  robots = ["obs-pusher"]
}
