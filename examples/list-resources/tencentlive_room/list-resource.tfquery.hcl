# rooms.tfquery.hcl: run `terraform query` (Terraform 1.14+) to see the rooms, or
# `terraform query -generate-config-out=rooms.tf` to write their configuration and import blocks.
list "tencentlive_room" "showrooms" {
  provider = tencentlive
  limit    = 1000 # Terraform returns 100 results unless told otherwise

  config {
    room_id_prefix = "showroom-"
    seat_template  = "VideoDynamicGrid9Seats"
    # get_room_list shows public rooms only: name private ones to include them.
    room_ids = ["vip-lounge"]
  }
}
