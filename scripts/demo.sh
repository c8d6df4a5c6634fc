#!/usr/bin/env bash
# demo.sh — the real Terraform CLI applies the example rooms in examples/demo against the
# emulator: init, apply, show, a second plan that must be empty, destroy.
# Run through `make demo` (which builds bin/terraform-provider-tencentlive and
# bin/tencentlive-emulator first).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
version="${VERSION:-0.1.0}"
work="$repo/.demo"
rm -rf "$work" && mkdir -p "$work"

terraform="$(scripts/ensure-terraform.sh | tail -n 1)"
TF_CLI_CONFIG_FILE="$(scripts/cli-config.sh --mirror "$work/mirror" --out "$work/cli.tfrc" \
	--provider-bin bin/terraform-provider-tencentlive --provider-version "$version" | tail -n 1)"
export TF_CLI_CONFIG_FILE

# The emulator with its development defaults on a free loopback port: once listening it prints
# the environment that points a client at it (emulator/README.md), ends its stdout and serves on.
unset TENCENTLIVE_ENDPOINT
eval "$(bin/tencentlive-emulator -listen 127.0.0.1:0 -env 2>"$work/emulator.log" &)"
trap 'kill "$TENCENTLIVE_EMULATOR_PID" 2>/dev/null || true' EXIT
[[ -n "${TENCENTLIVE_ENDPOINT:-}" ]] || { cat "$work/emulator.log" >&2; echo "demo: the emulator did not start" >&2; exit 1; }
endpoint="$TENCENTLIVE_ENDPOINT"
echo "demo: emulator at $endpoint"

mkdir -p "$work/config" && cp -r examples/demo/. "$work/config/"
cd "$work/config"
run() { printf '\n$ terraform %s\n' "$*"; "$terraform" "$@"; }
run init -input=false -no-color
run apply -input=false -auto-approve -no-color
run state list
run output -no-color
set +e
run plan -input=false -detailed-exitcode -no-color
plan_rc=$?
set -e
if [[ $plan_rc -ne 0 ]]; then
	echo "demo: the plan after apply was not empty (exit $plan_rc)" >&2
	exit 1
fi
echo "demo: the second plan is empty"
run destroy -input=false -auto-approve -no-color
echo "demo: done; rooms the emulator still holds: $(curl -fsS "$endpoint/_emulator/rooms" 2>/dev/null || echo '?')"
