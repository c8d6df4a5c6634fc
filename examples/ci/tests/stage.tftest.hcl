# `terraform test` against the emulator started from ../seed.json: creates the stage under its
# own prefix, checks it, and destroys it again.

variables {
  prefix = "ci-test"
}

run "stage_follows_the_lobby" {
  assert {
    condition     = tencentlive_room.stage.owner_account == "ci-host"
    error_message = "The stage's host must be the lobby's (ci-host in seed.json)."
  }
  assert {
    condition     = tencentlive_room.stage.admins == toset(["ci-moderator"])
    error_message = "The stage's admins must be the lobby's moderators."
  }
  assert {
    condition     = tencentlive_room.stage.metadata["lobby"] == "ci-lobby"
    error_message = "The stage must name its lobby in its metadata."
  }
}
