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
