#!/usr/bin/env bash
# run-against-emulator.sh — what the CI examples (github-actions.yml, gitlab-ci.yml) run: makes
# the provider installable without a registry, starts (or waits for) the emulator with the
# accounts and rooms of seed.json, then `init`, `validate`, `test`, `plan`, `apply` and a second
# plan that must be empty, against the configuration in CONFIG_DIR. Copy it with the YAML.
#
# Environment (all optional):
#   EMULATOR=process   start the emulator binary on a free loopback port and stop it at the end;
#                      EMULATOR_FROM=build (default) takes EMULATOR_BIN, else tencentlive-emulator
#                      on PATH, else bin/tencentlive-emulator; EMULATOR_FROM=release takes it from
#                      the release's archive for this platform;
#   EMULATOR=service   use the emulator already at TENCENTLIVE_ENDPOINT (a service container):
#                      wait for its health endpoint, then load the seed over HTTP.
#   PROVIDER=local     a build of the provider, PROVIDER_BIN (default bin/terraform-provider-tencentlive),
#                      installed through a filesystem mirror as version PROVIDER_VERSION;
#   PROVIDER=release   the release's zip for this platform, through a filesystem mirror;
#   PROVIDER=registry  nothing to do: `init` downloads it from the registry.
#   Files of a release come from RELEASE_URL (default: the GitHub release of PROVIDER_VERSION)
#   and are checked against its SHA256SUMS.
#   PROVIDER_VERSION   default 0.1.0; TF_CLI terraform (default) or tofu; CONFIG_DIR (default
#                      this directory); SEED_FILE (default seed.json here); WORK_DIR (default a
#                      new temporary directory).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
say() { printf '==> %s\n' "$*" >&2; }
fail() { printf 'run-against-emulator: FAIL: %s\n' "$*" >&2; exit 1; }

EMULATOR="${EMULATOR:-process}"
PROVIDER="${PROVIDER:-local}"
PROVIDER_VERSION="${PROVIDER_VERSION:-0.1.0}"
RELEASE_URL="${RELEASE_URL:-https://github.com/tencentlive/terraform-provider-tencentlive/releases/download/v$PROVIDER_VERSION}"
TF_CLI="${TF_CLI:-terraform}"
CONFIG_DIR="${CONFIG_DIR:-$here}"
SEED_FILE="${SEED_FILE:-$here/seed.json}"
WORK_DIR="${WORK_DIR:-$(mktemp -d)}"
mkdir -p "$WORK_DIR"
command -v "$TF_CLI" >/dev/null || fail "$TF_CLI is not on PATH"

# The emulator's public development credentials; a real application's come from CI secrets.
export TENCENTLIVE_SDK_APP_ID="${TENCENTLIVE_SDK_APP_ID:-1400000000}"
export TENCENTLIVE_SECRET_KEY="${TENCENTLIVE_SECRET_KEY:-emulator-secret-key-not-for-production}"
export TF_IN_AUTOMATION=1 TF_INPUT=0 CHECKPOINT_DISABLE=1

# fetch_release FILE: downloads FILE of the release into WORK_DIR, checked against its SHA256SUMS.
fetch_release() {
	local sums="terraform-provider-tencentlive_${PROVIDER_VERSION}_SHA256SUMS"
	[[ -s "$WORK_DIR/$sums" ]] || curl -fsSL -o "$WORK_DIR/$sums" "$RELEASE_URL/$sums" || fail "cannot download $RELEASE_URL/$sums"
	curl -fsSL -o "$WORK_DIR/$1" "$RELEASE_URL/$1" || fail "cannot download $RELEASE_URL/$1"
	(cd "$WORK_DIR" && grep "  $1\$" "$sums" | sha256sum -c --quiet -) || fail "$1 does not match $sums"
}

# --- The provider, through a filesystem mirror under both registry hosts (Terraform resolves
# tencentlive/tencentlive on registry.terraform.io, OpenTofu on registry.opentofu.org).
hosts=(registry.terraform.io registry.opentofu.org)
platform="$(uname -s | tr '[:upper:]' '[:lower:]')_$(uname -m | sed 's/x86_64/amd64/; s/aarch64/arm64/')"
mirror="$WORK_DIR/mirror"
case "$PROVIDER" in
local)
	bin="${PROVIDER_BIN:-$root/bin/terraform-provider-tencentlive}"
	[[ -x "$bin" ]] || fail "no provider build at $bin: run \`make build\` or set PROVIDER_BIN"
	for host in "${hosts[@]}"; do
		dir="$mirror/$host/tencentlive/tencentlive/$PROVIDER_VERSION/$platform"
		mkdir -p "$dir" && cp "$bin" "$dir/terraform-provider-tencentlive_v$PROVIDER_VERSION"
	done
	say "provider: $bin as $PROVIDER_VERSION ($platform)"
	;;
release)
	zip="terraform-provider-tencentlive_${PROVIDER_VERSION}_${platform}.zip"
	fetch_release "$zip"
	for host in "${hosts[@]}"; do # the "packed" layout: the release zip as it is
		mkdir -p "$mirror/$host/tencentlive/tencentlive" && cp "$WORK_DIR/$zip" "$mirror/$host/tencentlive/tencentlive/"
	done
	say "provider: $zip from $RELEASE_URL"
	;;
registry) say "provider: from the registry" ;;
*) fail "PROVIDER must be local, release or registry, not $PROVIDER" ;;
esac
if [[ "$PROVIDER" != registry ]]; then
	export TF_CLI_CONFIG_FILE="$WORK_DIR/cli.tfrc"
	cat >"$TF_CLI_CONFIG_FILE" <<EOF
provider_installation {
  filesystem_mirror {
    path    = "$mirror"
    include = ["registry.terraform.io/tencentlive/tencentlive", "registry.opentofu.org/tencentlive/tencentlive"]
  }
  direct {
    exclude = ["registry.terraform.io/tencentlive/tencentlive", "registry.opentofu.org/tencentlive/tencentlive"]
  }
}
EOF
fi

# --- The emulator, with the seed's accounts and rooms, ready before the first command.
case "$EMULATOR" in
process)
	case "${EMULATOR_FROM:-build}" in
	build)
		emulator="${EMULATOR_BIN:-$(command -v tencentlive-emulator || echo "$root/bin/tencentlive-emulator")}"
		[[ -x "$emulator" ]] || fail "no emulator at $emulator: run \`make build\`, set EMULATOR_BIN or EMULATOR_FROM=release"
		;;
	release)
		archive="tencentlive-emulator_${PROVIDER_VERSION}_${platform}.tar.gz"
		fetch_release "$archive"
		mkdir -p "$WORK_DIR/emulator" && tar -xzf "$WORK_DIR/$archive" -C "$WORK_DIR/emulator"
		emulator="$WORK_DIR/emulator/tencentlive-emulator"
		;;
	*) fail "EMULATOR_FROM must be build or release, not $EMULATOR_FROM" ;;
	esac
	# -env-file appears, whole, once the emulator listens: the readiness signal, no sleep needed.
	"$emulator" -listen 127.0.0.1:0 -seed-file "$SEED_FILE" -env-file "$WORK_DIR/emulator.env" >"$WORK_DIR/emulator.log" 2>&1 &
	emulator_pid=$!
	trap 'kill "$emulator_pid" 2>/dev/null || true' EXIT
	for _ in $(seq 300); do
		[[ -s "$WORK_DIR/emulator.env" ]] && break
		kill -0 "$emulator_pid" 2>/dev/null || { cat "$WORK_DIR/emulator.log" >&2; fail "the emulator exited"; }
		sleep 0.1
	done
	[[ -s "$WORK_DIR/emulator.env" ]] || fail "the emulator did not listen within 30s"
	# shellcheck source=/dev/null
	. "$WORK_DIR/emulator.env" # TENCENTLIVE_ENDPOINT, _SDK_APP_ID, _SECRET_KEY, _IDENTIFIER
	say "emulator: $TENCENTLIVE_ENDPOINT (pid $emulator_pid, seeded from $SEED_FILE)"
	;;
service)
	[[ -n "${TENCENTLIVE_ENDPOINT:-}" ]] || fail "EMULATOR=service needs TENCENTLIVE_ENDPOINT"
	for _ in $(seq 60); do
		[[ "$(curl -fsS --max-time 2 "$TENCENTLIVE_ENDPOINT/healthz" 2>/dev/null)" == ok ]] && break
		sleep 1
	done
	[[ "$(curl -fsS --max-time 2 "$TENCENTLIVE_ENDPOINT/healthz" 2>/dev/null)" == ok ]] ||
		fail "no emulator answers at $TENCENTLIVE_ENDPOINT/healthz after 60s"
	curl -fsS --data-binary "@$SEED_FILE" "$TENCENTLIVE_ENDPOINT/_emulator/seed" >/dev/null ||
		fail "the emulator refused $SEED_FILE (POST /_emulator/seed)"
	say "emulator: $TENCENTLIVE_ENDPOINT (service, seeded from $SEED_FILE)"
	;;
*) fail "EMULATOR must be process or service, not $EMULATOR" ;;
esac

# --- Terraform (or OpenTofu) against it.
tf() { say "$TF_CLI $*"; "$TF_CLI" -chdir="$CONFIG_DIR" "$@"; }
tf init -no-color
tf validate -no-color
tf test -no-color
tf plan -no-color -out="$WORK_DIR/tfplan"
tf apply -no-color "$WORK_DIR/tfplan"
set +e
tf plan -no-color -detailed-exitcode >"$WORK_DIR/second-plan.log"
code=$?
set -e
[[ $code == 0 ]] || { cat "$WORK_DIR/second-plan.log" >&2; fail "the plan after apply is not empty (exit $code)"; }
say "green: applied, and the next plan is empty"
