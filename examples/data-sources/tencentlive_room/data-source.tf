# One room by its ID, public or private, with every attribute of the tencentlive_room resource.
data "tencentlive_room" "showroom" {
  room_id = "showroom-001"
}

output "showroom" {
  value = {
    host    = data.tencentlive_room.showroom.owner_account
    cover   = data.tencentlive_room.showroom.cover_url
    viewers = data.tencentlive_room.showroom.view_count
  }
}
