# A host account. Rooms that name it in owner_account are created after it and destroyed
# before it, so create_room never meets a host that has not been imported (70107).
resource "tencentlive_account" "host" {
  user_id  = "host-jane"
  nick     = "Jane"
  face_url = "https://cdn.example.com/avatars/jane.png"
}

resource "tencentlive_room" "jazz" {
  room_id       = "salon-jazz"
  seat_template = "AudioSalon"
  owner_account = tencentlive_account.host.user_id
}

# In an application whose console forbids deleting accounts (the default for non-trial
# applications), destroying this resource only removes it from the state.
resource "tencentlive_account" "guest" {
  user_id           = "guest-li"
  nick              = "Li"
  delete_on_destroy = false
}
