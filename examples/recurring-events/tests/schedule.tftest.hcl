# Runs the module against a tencentlive API: scripts/examples-check.sh starts the emulator and
# exports TENCENTLIVE_ENDPOINT, TENCENTLIVE_SDK_APP_ID, TENCENTLIVE_SECRET_KEY and
# TENCENTLIVE_IDENTIFIER, which this empty provider block reads. Written for Terraform 1.6 and
# later, and OpenTofu.
#
#   terraform test        (from examples/recurring-events, after terraform init)

provider "tencentlive" {}

variables {
  prefix = "seminar"
  hosts = {
    "host-ada" = { nick = "Ada" }
  }
  schedule = {
    "2026-11-26" = { topic = "Live rooms from zero", host = "host-ada" }
    "2026-12-03" = { topic = "Seat templates in depth", host = "host-grace" }
  }
}

# Validation happens at plan time, before anything is created.
run "prefix_too_long_for_a_room_id" {
  command = plan
  variables {
    prefix = "a-prefix-of-thirty-eight-bytes-0123456" # 38 bytes + 11 for the date = 49 > 48
  }
  expect_failures = [var.prefix]
}

run "key_is_not_a_date" {
  command = plan
  variables {
    schedule = {
      "2026-02-30" = { topic = "Not a day", host = "host-ada" }
    }
  }
  expect_failures = [var.schedule]
}

run "first_schedule" {
  assert {
    condition = output.room_ids == {
      "2026-11-26" = "seminar-2026-11-26"
      "2026-12-03" = "seminar-2026-12-03"
    }
    error_message = "Room IDs must be the prefix and the date: ${jsonencode(output.room_ids)}"
  }
  assert {
    condition     = output.hosts == tolist(["host-ada", "host-grace"])
    error_message = "Each distinct host gets one account: ${jsonencode(output.hosts)}"
  }
  assert {
    condition     = tencentlive_room.event["2026-12-03"].owner_account == "host-grace" && tencentlive_room.event["2026-12-03"].room_name == "Seat templates in depth"
    error_message = "The room must be owned by its date's host and named after its topic."
  }
  assert {
    condition     = tencentlive_room.event["2026-11-26"].notice == "Live on Thu 26 Nov 2026."
    error_message = "Unexpected notice: ${tencentlive_room.event["2026-11-26"].notice}"
  }
  assert {
    condition     = tencentlive_account.host["host-ada"].nick == "Ada"
    error_message = "The host profile from var.hosts must reach the account."
  }
}

# What the service lists, not what the state says.
run "service_lists_first_schedule" {
  module {
    source = "./tests/lookup"
  }
  assert {
    condition     = output.room_ids == tolist(["seminar-2026-11-26", "seminar-2026-12-03"])
    error_message = "The service lists ${jsonencode(output.room_ids)}"
  }
}

# A week later: last week's event is over, next week's is announced, and one topic changes.
# The plan first: the room that stays must be updated in place, not replaced. A replacement
# plans a new room, whose create_time is unknown until apply, so this condition could not be
# evaluated and the run would fail. (No run.<name> references: OpenTofu 1.12 cannot clean up
# after a run that refers to an earlier run of the same module.)
run "next_week_plan" {
  command = plan
  variables {
    schedule = {
      "2026-12-03" = { topic = "Seat templates, revisited", host = "host-grace" }
      "2026-12-10" = { topic = "The emulator in CI", host = "host-ada" }
    }
  }
  assert {
    condition     = tencentlive_room.event["2026-12-03"].create_time > 0 && tencentlive_room.event["2026-12-03"].room_name == "Seat templates, revisited"
    error_message = "The room of 2026-12-03 must be renamed in place, not replaced."
  }
}

run "next_week" {
  variables {
    schedule = {
      "2026-12-03" = { topic = "Seat templates, revisited", host = "host-grace" }
      "2026-12-10" = { topic = "The emulator in CI", host = "host-ada" }
    }
  }
  assert {
    condition = output.room_ids == {
      "2026-12-03" = "seminar-2026-12-03"
      "2026-12-10" = "seminar-2026-12-10"
    }
    error_message = "Room IDs after the week moved on: ${jsonencode(output.room_ids)}"
  }
  assert {
    condition     = output.rooms["2026-12-03"].room_name == "Seat templates, revisited"
    error_message = "The changed topic must rename the room in place."
  }
  assert {
    condition     = output.rooms["2026-12-10"].host == "host-ada"
    error_message = "Next week's room must belong to its host."
  }
}

run "service_lists_next_week" {
  module {
    source = "./tests/lookup"
  }
  assert {
    condition     = output.room_ids == tolist(["seminar-2026-12-03", "seminar-2026-12-10"])
    error_message = "Last week's room must be destroyed and next week's created; the service lists ${jsonencode(output.room_ids)}"
  }
}
