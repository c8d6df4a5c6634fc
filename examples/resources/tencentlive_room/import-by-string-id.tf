# Terraform 1.5 and later: adopt an existing room with an import block, then `terraform plan`.
import {
  to = tencentlive_room.showroom
  id = "showroom-001"
}

# If the API does not report the seat template, add it to the ID: "salon-jazz,AudioSalon".
import {
  to = tencentlive_room.voice_salon
  id = "salon-jazz,AudioSalon"
}
