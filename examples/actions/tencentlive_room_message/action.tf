# Invoke on its own (Terraform 1.14+):
#   terraform apply -invoke=action.tencentlive_room_message.maintenance
action "tencentlive_room_message" "maintenance" {
  config {
    room_id        = "showroom-1"
    sender_account = "host-anna" # an imported account; checked at plan
    text           = "The room closes for maintenance at 22:00."
  }
}

# Or from a room's lifecycle: tell the room's members when its notice changes. An after_update
# trigger cannot reference the room it is on (Terraform reports a cycle), so the room ID comes
# from a local that the room uses too.
locals {
  lounge_id     = "lounge"
  lounge_notice = "Open mic every Friday"
}

action "tencentlive_room_message" "notice_changed" {
  config {
    room_id     = local.lounge_id
    business_id = "notice"
    data        = jsonencode({ notice = local.lounge_notice })
  }
}

resource "tencentlive_room" "lounge" {
  room_id       = local.lounge_id
  seat_template = "AudioSalon"
  notice        = local.lounge_notice

  lifecycle {
    action_trigger {
      events  = [after_update]
      actions = [action.tencentlive_room_message.notice_changed]
    }
  }
}
