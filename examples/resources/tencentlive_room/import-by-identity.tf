# Terraform 1.12+: import by identity. sdk_app_id is optional; when given, it must be the
# provider's application.
import {
  to = tencentlive_room.example
  identity = {
    room_id    = "seminar-2026-12-03"
    sdk_app_id = 1400123456
  }
}
