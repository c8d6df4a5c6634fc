# The rolling window, run by run: `now` moves on as a daily pipeline's would, and after each
# apply the test asks which rooms exist, in the state and on the service itself.
#
# scripts/examples-check.sh starts the emulator and exports TENCENTLIVE_ENDPOINT,
# TENCENTLIVE_SDK_APP_ID, TENCENTLIVE_SECRET_KEY and TENCENTLIVE_IDENTIFIER, which the empty
# provider block reads. Needs Terraform 1.8 or later, or OpenTofu 1.7 or later.
#
#   terraform test        (from examples/recurring-events, after terraform init)
#
# The series: Thursdays 10:00 Berlin time from 1 Oct 2026, 15 Oct excluded (EXDATE). Summer time
# ends on Sunday 25 Oct, so the sessions are at 08:00 UTC until 22 Oct and at 09:00 UTC from
# 29 Oct. The session of 22 Oct moves to Friday 23 Oct 15:00 with another host; 5 Nov is
# cancelled. Rooms exist for sessions starting in [now - 6h, now + 336h).

provider "tencentlive" {}

variables {
  rule         = <<-EOT
    DTSTART;TZID=Europe/Berlin:20261001T100000
    RRULE:FREQ=WEEKLY;BYDAY=TH
    EXDATE;TZID=Europe/Berlin:20261015T100000
  EOT
  prefix       = "seminar"
  topic        = "Weekly seminar"
  host         = "host-ada"
  create_ahead = "336h"
  keep_after   = "6h"
  keep_alive   = "robot-keeper"
  managed_hosts = {
    "host-ada"     = { nick = "Ada" }
    "robot-keeper" = { nick = "Keep-alive robot" }
  }
  overrides = {
    "20261022-1000" = { start = "2026-10-23T15:00:00+02:00", topic = "Moved: Friday afternoon", host = "host-grace" }
    "20261105-1000" = { cancelled = true }
  }
}

# host-grace belongs to another configuration; the module only uses the ID.
run "host_managed_elsewhere" {
  module {
    source = "./tests/accounts"
  }
}

# Bad input fails at plan, before anything is created.
run "prefix_too_long_for_a_room_id" {
  command = plan
  variables {
    now    = "2026-09-17T08:00:00Z"
    prefix = "a-prefix-of-thirty-five-bytes-01234" # 35 + 14 = 49 > 48
  }
  expect_failures = [var.prefix]
}

run "create_ahead_is_not_a_duration" {
  command = plan
  variables {
    now          = "2026-09-17T08:00:00Z"
    create_ahead = "two weeks"
  }
  expect_failures = [var.create_ahead]
}

run "override_of_an_excluded_session" {
  command = plan
  variables {
    now       = "2026-09-17T08:00:00Z"
    overrides = { "20261015-1000" = { topic = "Excluded by EXDATE" } }
  }
  expect_failures = [output.sessions]
}

# 1 Oct 10:00 CEST is 08:00 UTC, 336h after now: the window's end is exclusive.
run "edge_before_the_first_room" {
  variables {
    now = "2026-09-17T08:00:00Z"
  }
  assert {
    condition     = output.room_ids == {}
    error_message = "No session starts before now + create_ahead yet: ${jsonencode(output.room_ids)}"
  }
  assert {
    condition     = output.managed_accounts == tolist(["host-ada", "robot-keeper"])
    error_message = "The module manages host-ada and its robot only, not host-grace: ${jsonencode(output.managed_accounts)}"
  }
}

run "first_room_one_minute_later" {
  variables {
    now = "2026-09-17T08:01:00Z"
  }
  assert {
    condition = output.sessions == {
      "20261001-1000" = { room_id = "seminar-20261001-1000", start = "2026-10-01T10:00:00+02:00", host = "host-ada" }
    }
    error_message = "Sessions: ${jsonencode(output.sessions)}"
  }
  assert {
    condition     = tencentlive_room.session["20261001-1000"].notice == "Thu 1 Oct 2026, 10:00 Europe/Berlin (UTC+02:00)"
    error_message = "Default notice: ${tencentlive_room.session["20261001-1000"].notice}"
  }
  assert {
    condition     = tencentlive_room.session["20261001-1000"].room_name == "Weekly seminar" && tencentlive_room.session["20261001-1000"].seat_template == "VideoLandscape4Seat"
    error_message = "Room settings must pass through."
  }
  assert {
    condition     = tencentlive_room.session["20261001-1000"].robots == toset(["robot-keeper"])
    error_message = "The keep-alive robot must be on the room: ${jsonencode(tencentlive_room.session["20261001-1000"].robots)}"
  }
}

# 6h after the first session started (the end is inclusive); 8 Oct is in, 15 Oct (EXDATE) not.
run "keep_after_edge_and_exdate" {
  variables {
    now = "2026-10-01T14:00:00Z"
  }
  assert {
    condition     = keys(output.room_ids) == ["20261001-1000", "20261008-1000"]
    error_message = "Rooms: ${jsonencode(output.room_ids)}"
  }
}

run "service_lists_first_two" {
  module {
    source = "./tests/lookup"
  }
  assert {
    condition     = output.room_ids == tolist(["seminar-20261001-1000", "seminar-20261008-1000"])
    error_message = "The service lists ${jsonencode(output.room_ids)}"
  }
  assert {
    condition     = alltrue([for id, robots in output.robots : robots == toset(["robot-keeper"])])
    error_message = "On the service, every room must have the keep-alive robot: ${jsonencode(output.robots)}"
  }
}

run "first_room_dismissed_after_keep_after" {
  variables {
    now = "2026-10-01T14:00:01Z"
  }
  assert {
    condition     = keys(output.room_ids) == ["20261008-1000"]
    error_message = "Rooms: ${jsonencode(output.room_ids)}"
  }
}

# Two weeks on: 8 Oct is over, 22 Oct has moved to Friday 23 Oct 15:00 with host-grace, and
# 29 Oct is after the change of time: still 10:00 in Berlin, now UTC+01:00.
run "dst_change_and_moved_session" {
  variables {
    now = "2026-10-16T00:00:00Z"
  }
  assert {
    condition = output.sessions == {
      "20261022-1000" = { room_id = "seminar-20261022-1000", start = "2026-10-23T15:00:00+02:00", host = "host-grace" }
      "20261029-1000" = { room_id = "seminar-20261029-1000", start = "2026-10-29T10:00:00+01:00", host = "host-ada" }
    }
    error_message = "Sessions: ${jsonencode(output.sessions)}"
  }
  assert {
    condition     = tencentlive_room.session["20261022-1000"].room_name == "Moved: Friday afternoon" && tencentlive_room.session["20261022-1000"].notice == "Fri 23 Oct 2026, 15:00 Europe/Berlin (UTC+02:00)"
    error_message = "The moved session: ${tencentlive_room.session["20261022-1000"].room_name} / ${tencentlive_room.session["20261022-1000"].notice}"
  }
  assert {
    condition     = tencentlive_room.session["20261029-1000"].notice == "Thu 29 Oct 2026, 10:00 Europe/Berlin (UTC+01:00)"
    error_message = "After the change of time: ${tencentlive_room.session["20261029-1000"].notice}"
  }
}

# The same now again: nothing to create, replace or destroy. A room planned for creation or
# replacement has an unknown create_time, which the condition cannot evaluate, so the run fails;
# a destroyed one would be missing from the keys. (No run.<name> references: OpenTofu 1.12 cannot
# clean up after a run that refers to an earlier run of the same module.)
run "same_now_plans_no_change" {
  command = plan
  variables {
    now = "2026-10-16T00:00:00Z"
  }
  assert {
    condition     = keys(tencentlive_room.session) == ["20261022-1000", "20261029-1000"] && alltrue([for room in tencentlive_room.session : room.create_time > 0])
    error_message = "The plan must keep both rooms as they are."
  }
}

run "service_lists_moved_and_dst" {
  module {
    source = "./tests/lookup"
  }
  assert {
    condition     = output.room_ids == tolist(["seminar-20261022-1000", "seminar-20261029-1000"])
    error_message = "The service lists ${jsonencode(output.room_ids)}"
  }
}

# 22 Oct 10:00 is more than 6h ago, but the session moved to 23 Oct 15:00: its room stays.
# 5 Nov (09:00 UTC) is within 336h, but cancelled: no room.
run "moved_session_follows_its_new_start" {
  variables {
    now = "2026-10-23T00:00:00Z"
  }
  assert {
    condition     = keys(output.room_ids) == ["20261022-1000", "20261029-1000"]
    error_message = "Rooms: ${jsonencode(output.room_ids)}"
  }
}

run "moved_session_over_cancelled_never_created" {
  variables {
    now = "2026-10-24T00:00:00Z"
  }
  assert {
    condition     = keys(output.room_ids) == ["20261029-1000"]
    error_message = "Rooms: ${jsonencode(output.room_ids)}"
  }
}

run "service_lists_the_last" {
  module {
    source = "./tests/lookup"
  }
  assert {
    condition     = output.room_ids == tolist(["seminar-20261029-1000"])
    error_message = "The service lists ${jsonencode(output.room_ids)}"
  }
}
