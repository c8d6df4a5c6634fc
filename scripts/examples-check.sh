#!/usr/bin/env bash
# examples-check.sh — every example under examples/ must be formatted, must validate against the
# provider built from this tree, and its `terraform test` files must pass against the emulator.
#
# Usage:   make examples-check                  (builds bin/ first, then runs this)
#          CLI=tofu make examples-check         (the same with OpenTofu, via scripts/ensure-tofu.sh)
# Steps:   1. `fmt -check -recursive examples`
#          2. for each directory holding *.tf: `init` + `validate` on a copy, with the provider
#             from a filesystem mirror (never a registry). Directories without their own
#             required_providers (the per-resource snippets the docs show) get one added to the
#             copy, since Terraform would otherwise look for hashicorp/tencentlive.
#          3. for each directory with tests/*.tftest.hcl: start bin/tencentlive-emulator, run
#             `test` with the TENCENTLIVE_* variables pointing at it, then check the emulator
#             holds no room any more (the test's destroy cleaned up).
# Env:     CLI (terraform | tofu), VERSION (mirror version, default 0.1.0)
# Works in bin/examples-check/<cli>/, so the examples tree gets no .terraform or lock files.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
cli="${CLI:-terraform}"
version="${VERSION:-0.1.0}"
log() { printf 'examples-check: %s\n' "$*" >&2; }
fail() { log "FAIL: $*"; exit 1; }

case "$cli" in
terraform) tf="$(scripts/ensure-terraform.sh | tail -n 1)" ;;
tofu) tf="$(scripts/ensure-tofu.sh | tail -n 1)" ;;
*) fail "CLI must be terraform or tofu, not $cli" ;;
esac
for bin in bin/terraform-provider-tencentlive bin/tencentlive-emulator; do
	[[ -x "$bin" ]] || fail "$bin is missing; run \`make build\` (or \`make examples-check\`)"
done

work="$repo/bin/examples-check/$cli"
rm -rf "$work" && mkdir -p "$work"
TF_CLI_CONFIG_FILE="$(scripts/cli-config.sh --mirror "$work/mirror" --out "$work/cli.tfrc" \
	--provider-bin bin/terraform-provider-tencentlive --provider-version "$version" | tail -n 1)"
export TF_CLI_CONFIG_FILE
export TF_IN_AUTOMATION=1 CHECKPOINT_DISABLE=1
# Validation needs no credentials; the tests get the emulator's below. Nothing from the caller's
# environment may point a test at a real application.
unset TENCENTLIVE_ENDPOINT TENCENTLIVE_SDK_APP_ID TENCENTLIVE_SECRET_KEY TENCENTLIVE_IDENTIFIER \
	TENCENTLIVE_REGION TENCENTLIVE_MAX_RETRIES TENCENTLIVE_REQUESTS_PER_SECOND
log "using $("$tf" version | head -n 1) ($tf)"

# Provider-defined functions need Terraform 1.8 or OpenTofu 1.7. Under an older Terraform (the
# MPL build scripts/ensure-terraform.sh makes is 1.6.6), examples that call one are skipped and
# said so; CI runs them under OpenTofu (`CLI=tofu make examples-check`).
functions=yes
if [[ "$cli" == terraform ]]; then
	tf_version="$("$tf" version | sed -n '1s/^Terraform v//p')"
	[[ "$(printf '%s\n' 1.8.0 "$tf_version" | sort -V | head -n 1)" == 1.8.0 ]] || functions=no
fi
calls_functions() { grep -qs 'provider::' "$1"/*.tf "$1"/tests/*.tftest.hcl; }
skip_functions() { # skip_functions DIR: true (and logged) when DIR cannot run under this CLI
	if [[ "$functions" == no ]] && calls_functions "$1"; then
		log "$2: SKIPPED: calls provider functions, which need Terraform >= 1.8 (this is $tf_version); CLI=tofu runs it"
		return 0
	fi
	return 1
}

# 1. Formatting, on the real tree (fmt reads .tf, .tfvars and .tftest.hcl files).
"$tf" fmt -check -recursive -diff examples || fail "the files above are not formatted: run \`make fmt\`"
log "fmt -check: ok"

# A copy of the examples, without anything a local run may have left behind.
mkdir -p "$work/examples"
tar -C examples --exclude=.terraform --exclude=.terraform.lock.hcl --exclude='*.tfstate*' -cf - . |
	tar -C "$work/examples" -xf -

# 2. init + validate every directory that holds configuration.
mapfile -t dirs < <(cd "$work/examples" && find . -name '*.tf' -printf '%h\n' | sed 's|^\./||' | sort -u)
[[ ${#dirs[@]} -gt 0 ]] || fail "no examples found"
quiet() { # quiet LOG COMMAND...: runs COMMAND with its output in LOG, shown only on failure
	local out="$1"
	shift
	if ! "$@" >"$out" 2>&1; then
		cat "$out" >&2
		return 1
	fi
}
for dir in "${dirs[@]}"; do
	d="$work/examples/$dir"
	skip_functions "$d" "$dir" && continue
	if ! grep -qs 'required_providers' "$d"/*.tf; then
		cat >"$d/zz_examples_check_providers.tf" <<'EOF'
terraform {
  required_providers {
    tencentlive = {
      source = "tencentlive/tencentlive"
    }
  }
}
EOF
	fi
	start=$SECONDS
	quiet "$d.init.log" "$tf" -chdir="$d" init -input=false -no-color -backend=false ||
		fail "$dir: init failed"
	quiet "$d.validate.log" "$tf" -chdir="$d" validate -no-color || fail "$dir: validate failed"
	log "$dir: init + validate ok ($((SECONDS - start))s)"
done

# 3. `test` against the emulator for examples that have test files.
mapfile -t tested < <(cd "$work/examples" && find . -path '*/tests/*.tftest.hcl' -printf '%h\n' |
	sed 's|/tests$||; s|^\./||' | sort -u)
if [[ ${#tested[@]} -eq 0 ]]; then
	log "no tests found"
	exit 0
fi
command -v curl >/dev/null || fail "curl is needed to ask the emulator what it holds after the tests"

bin/tencentlive-emulator -listen 127.0.0.1:0 >"$work/emulator.log" 2>&1 &
emulator_pid=$!
trap 'kill "$emulator_pid" 2>/dev/null || true' EXIT
endpoint=""
for _ in $(seq 100); do
	endpoint="$(sed -n 's/^listening on //p' "$work/emulator.log" | head -n 1)"
	[[ -n "$endpoint" ]] && break
	kill -0 "$emulator_pid" 2>/dev/null || break
	sleep 0.1
done
[[ -n "$endpoint" ]] || { cat "$work/emulator.log" >&2; fail "the emulator did not start"; }
log "emulator at $endpoint"

# The emulator's public development credentials (emulator/README.md).
export TENCENTLIVE_ENDPOINT="$endpoint"
export TENCENTLIVE_SDK_APP_ID=1400000000
export TENCENTLIVE_SECRET_KEY=emulator-secret-key-not-for-production
export TENCENTLIVE_IDENTIFIER=administrator

for dir in "${tested[@]}"; do
	d="$work/examples/$dir"
	skip_functions "$d" "$dir" && continue
	start=$SECONDS
	if ! "$tf" -chdir="$d" test -no-color >"$d.test.log" 2>&1; then
		cat "$d.test.log" >&2
		fail "$dir: test failed"
	fi
	grep -E '^(tests/|Success!)' "$d.test.log" | sed 's/^/  /' >&2 || true
	rooms="$(curl -fsS "$endpoint/_emulator/rooms")" || fail "cannot list the emulator's rooms"
	if grep -q '"RoomId"' <<<"$rooms"; then
		fail "$dir: rooms left on the emulator after the test destroyed its resources: $rooms"
	fi
	log "$dir: test ok, nothing left behind ($((SECONDS - start))s)"
done
log "all examples ok"
