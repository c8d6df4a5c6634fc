#!/usr/bin/env bash
# demo-recurring.sh — a calendar rule turning into rooms: the real Terraform CLI applies the
# examples/recurring-events module against the emulator as a daily pipeline would, with `now`
# moving on from run to run, and shows which rooms the service holds after each.
# Run through `make demo-recurring` (which builds bin/ first).
#
# The series: every Thursday 10:00 Shanghai time from 3 Dec 2026, Christmas Eve excluded
# (EXDATE), the session of 17 Dec moved to Friday 18 Dec 19:00; rooms exist two weeks ahead
# (create_ahead 336h) and until six hours after each start (keep_after 6h).
# Checks: a second plan with the same now is empty (exit 0 of -detailed-exitcode), and so is a
# plan a day later that crosses no window edge.
# Env: CLI (terraform | tofu; default terraform, or OpenTofu when the Terraform found is older than
# 1.8 and so has no provider functions), VERSION.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$repo"
work="$repo/bin/demo-recurring"
rm -rf "$work" && mkdir -p "$work"
say() { printf '\n### %s\n' "$*"; }

cli="${CLI:-terraform}"
[[ "$cli" == terraform || "$cli" == tofu ]] || fail "CLI must be terraform or tofu"
tf="$(ensure_cli "$cli" | tail -n 1)"
tf_version="$("$tf" version | head -n 1)"
if [[ "$tf_version" =~ ^Terraform\ v(.*)$ && "$(printf '%s\n' 1.8.0 "${BASH_REMATCH[1]}" | sort -V | head -n 1)" != 1.8.0 ]]; then
	log "$tf_version has no provider-defined functions (1.8 or later needed): using OpenTofu"
	tf="$(ensure_cli tofu | tail -n 1)"
	tf_version="$(TF_CLI_CONFIG_FILE=/dev/null "$tf" version | head -n 1)"
fi
TF_CLI_CONFIG_FILE="$(scripts/cli-config.sh --mirror "$work/mirror" --out "$work/cli.tfrc" \
	--provider-bin bin/terraform-provider-tencentlive --provider-version "${VERSION:-$(release_const Version)}" | tail -n 1)"
export TF_CLI_CONFIG_FILE TF_IN_AUTOMATION=1 CHECKPOINT_DISABLE=1
start_emulator "$work/emulator.log"
endpoint="$TENCENTLIVE_ENDPOINT"
echo "demo-recurring: $tf_version, emulator at $endpoint"

mkdir -p "$work/config/module"
cp examples/recurring-events/*.tf "$work/config/module/"
cat >"$work/config/main.tf" <<'HCL'
terraform {
  required_providers {
    tencentlive = { source = "tencentlive/tencentlive" }
  }
}

provider "tencentlive" {}

variable "now" {
  type    = string
  default = null # a real pipeline leaves it unset: plantimestamp()
}

module "seminar" {
  source = "./module"

  rule = <<-EOT
    DTSTART;TZID=Asia/Shanghai:20261203T100000
    RRULE:FREQ=WEEKLY;BYDAY=TH
    EXDATE;TZID=Asia/Shanghai:20261224T100000
  EOT
  now           = var.now
  prefix        = "seminar"
  topic         = "Weekly seminar"
  host          = "host-ada"
  keep_alive    = "seminar-keeper"
  managed_hosts = { "host-ada" = { nick = "Ada" }, "seminar-keeper" = { nick = "Keep-alive robot" } }
  overrides = {
    "20261217-1000" = { start = "2026-12-18T19:00:00+08:00", topic = "Year-end special" }
  }
}

output "sessions" {
  value = module.seminar.sessions
}
HCL
cd "$work/config"

rooms() { # the room IDs the emulator holds, whatever the state says
	local json
	json="$(curl -fsS "$endpoint/_emulator/rooms")" || fail "cannot list the emulator's rooms"
	grep -o '"RoomId": *"[^"]*"' <<<"$json" | sed 's/.*"\([^"]*\)"$/\1/' | sort | paste -sd' ' - || true
}
run() { printf '\n$ terraform %s\n' "$*"; "$tf" "$@"; }
apply_day() { # apply_day NOW
	say "the daily run at $1"
	run apply -input=false -auto-approve -no-color -var "now=$1" |
		grep -E '^(module\.seminar\.tencentlive_room|Apply complete|  # |Plan:)' || true
	echo "rooms on the service: $(rooms)"
}
empty_plan() { # empty_plan NOW WHY
	set +e
	"$tf" plan -input=false -detailed-exitcode -no-color -var "now=$1" >"$work/plan.log" 2>&1
	local rc=$?
	set -e
	[[ $rc -eq 0 ]] || { cat "$work/plan.log" >&2; fail "plan at $1 ($2) was not empty (exit $rc)"; }
	echo "plan at $1 ($2): no changes"
}

run init -input=false -no-color >/dev/null && echo "initialised"
apply_day 2026-12-01T00:00:00Z
empty_plan 2026-12-01T00:00:00Z "the same now"
empty_plan 2026-12-02T00:00:00Z "a day later, no window edge crossed"
apply_day 2026-12-04T00:00:00Z
apply_day 2026-12-05T00:00:00Z
apply_day 2026-12-11T00:00:00Z
say "what the module outputs now"
run output -no-color sessions
say "destroy"
run destroy -input=false -auto-approve -no-color -var now=2026-12-11T00:00:00Z | tail -n 1
left="$(rooms)"
[[ -z "$left" ]] || fail "rooms left on the emulator: $left"
echo "demo-recurring: done; the emulator holds no room"
