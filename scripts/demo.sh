#!/usr/bin/env bash
# demo.sh — make demo: the real Terraform CLI applies examples/demo against the emulator (init,
# apply, show, a second plan that must be empty, destroy); make builds bin/ first.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$repo"
work="$repo/.demo"
rm -rf "$work" && mkdir -p "$work/config"
terraform="$(scripts/ensure-terraform.sh)"
TF_CLI_CONFIG_FILE="$(scripts/cli-config.sh --mirror "$work/mirror" --out "$work/cli.tfrc" \
	--provider-bin bin/terraform-provider-tencentlive --provider-version "${VERSION:-$(release_const Version)}")"
export TF_CLI_CONFIG_FILE
start_emulator "$work/emulator.log"

cp -r examples/demo/. "$work/config/"
cd "$work/config"
run() { printf '\n$ terraform %s\n' "$*"; "$terraform" "$@"; }
run init -input=false -no-color
run apply -input=false -auto-approve -no-color
run state list
run output -no-color
run plan -input=false -detailed-exitcode -no-color || fail "the plan after apply was not empty (exit $?)"
log "the second plan is empty"
run destroy -input=false -auto-approve -no-color
log "done; rooms the emulator still holds: $(curl -fsS "$TENCENTLIVE_ENDPOINT/_emulator/rooms" 2>/dev/null || echo '?')"
