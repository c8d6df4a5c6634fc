# Every Thursday at 10:00 Shanghai time, except Christmas Eve: the sessions of the next two weeks.
locals {
  seminar_rule = <<-EOT
    DTSTART;TZID=Asia/Shanghai:20261203T100000
    RRULE:FREQ=WEEKLY;BYDAY=TH
    EXDATE;TZID=Asia/Shanghai:20261224T100000
  EOT
}

output "next_sessions" {
  # For example ["2026-12-10T10:00:00+08:00", "2026-12-17T10:00:00+08:00"]
  value = provider::tencentlive::occurrences(local.seminar_rule, plantimestamp(), timeadd(plantimestamp(), "336h"))
}

# The last Friday of every month at 19:00 Berlin time, in 2027; wall-clock time stays 19:00
# across daylight-saving changes.
output "launches_2027" {
  value = provider::tencentlive::occurrences(
    "DTSTART;TZID=Europe/Berlin:20270129T190000\nRRULE:FREQ=MONTHLY;BYDAY=-1FR",
    "2027-01-01T00:00:00+01:00",
    "2028-01-01T00:00:00+01:00",
  )
}
