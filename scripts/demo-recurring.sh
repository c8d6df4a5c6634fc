#!/usr/bin/env bash
# demo-recurring.sh — make demo-recurring: a calendar rule turning into rooms. The real CLI applies
# examples/recurring-events/demo (weekly, EXDATE, a moved session; rooms two weeks ahead, gone six
# hours after the start) as a daily pipeline would, `now` moving on, and shows the service's rooms
# after each run. Fails unless a plan with the same now, and one a day later crossing no window
# edge, are empty. Env: CLI (terraform | tofu), VERSION.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$repo"
work="$repo/bin/demo-recurring"
rm -rf "$work" && mkdir -p "$work"
say() { printf '\n### %s\n' "$*"; }

cli="${CLI:-terraform}"
[[ "$cli" == terraform || "$cli" == tofu ]] || fail "CLI must be terraform or tofu"
tf="$(ensure_cli "$cli")"
tf_version="$(cli_version "$tf")"
TF_CLI_CONFIG_FILE="$(scripts/cli-config.sh --mirror "$work/mirror" --out "$work/cli.tfrc" \
	--provider-bin bin/terraform-provider-tencentlive --provider-version "${VERSION:-$(release_const Version)}")"
export TF_CLI_CONFIG_FILE TF_IN_AUTOMATION=1 CHECKPOINT_DISABLE=1
start_emulator "$work/emulator.log"
endpoint="$TENCENTLIVE_ENDPOINT"
echo "demo-recurring: $tf_version, emulator at $endpoint"

cp -r examples/recurring-events "$work/recurring-events" && rm -rf "$work/recurring-events/tests"
cd "$work/recurring-events/demo" # the module's demo/main.tf: the series above

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
