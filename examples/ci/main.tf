# What the CI examples (github-actions.yml, gitlab-ci.yml) plan, apply and test against the
# emulator, which starts from seed.json: the application has already made the lobby and
# imported its host, moderator and robot; Terraform adds tonight's stage beside it. The provider
# reads everything from the TENCENTLIVE_* environment variables, so the same configuration runs
# against a real application.

terraform {
  required_version = ">= 1.6"
  required_providers {
    tencentlive = {
      source = "tencentlive/tencentlive"
    }
  }
}

provider "tencentlive" {}

variable "prefix" {
  description = "Prefix of the room IDs this configuration manages, so runs can share one application."
  type        = string
  default     = "ci"
}

# Made by the application (seed.json): read here, not managed.
data "tencentlive_room" "lobby" {
  room_id = "ci-lobby"
}

# Tonight's stage: the lobby's host on camera, the lobby's moderators as admins.
resource "tencentlive_room" "stage" {
  room_id       = "${var.prefix}-stage"
  seat_template = "VideoDynamicGrid9Seats"
  room_name     = "Tonight's stage"
  owner_account = data.tencentlive_room.lobby.owner_account
  admins        = data.tencentlive_room.lobby.admins
  notice        = "Doors open at 19:45."

  metadata = {
    lobby = data.tencentlive_room.lobby.room_id
  }
}

output "stage" {
  description = "The stage's ID and host."
  value = {
    room_id = tencentlive_room.stage.room_id
    host    = tencentlive_room.stage.owner_account
  }
}
