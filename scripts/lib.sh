# lib.sh — what the scripts share. Source it first: . "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# It sets strict mode and $repo, and defines log, fail, usage and the helpers below.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
log() { printf '%s: %s\n' "$(basename "$0" .sh)" "$*" >&2; }
fail() { log "FAIL: $*"; exit 1; }
usage() { sed -n '2,/^[^#]/s/^# \{0,1\}//p' "$0" >&2; exit 2; } # the script's header comment

# release_const Address|Version: a constant of internal/release, the one place for both.
release_const() { sed -n "s/^\t$1 = \"\(.*\)\"$/\1/p" "$repo/internal/release/release.go"; }

# start_emulator LOG [FLAGS...]: bin/tencentlive-emulator on a free loopback port, its stderr in
# LOG; exports what it prints with -env (TENCENTLIVE_ENDPOINT, _SDK_APP_ID, _SECRET_KEY,
# _IDENTIFIER, TENCENTLIVE_EMULATOR_PID) and stops it when the script exits.
start_emulator() {
	local log="$1"
	shift
	unset TENCENTLIVE_ENDPOINT
	eval "$("$repo/bin/tencentlive-emulator" -listen 127.0.0.1:0 -env "$@" 2>"$log" &)"
	trap 'kill "$TENCENTLIVE_EMULATOR_PID" 2>/dev/null || true' EXIT
	[[ -n "${TENCENTLIVE_ENDPOINT:-}" ]] || { cat "$log" >&2; fail "the emulator did not start"; }
	log "emulator at $TENCENTLIVE_ENDPOINT"
}
