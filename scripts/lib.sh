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
	trap '[[ -z "${TENCENTLIVE_EMULATOR_PID:-}" ]] || kill "$TENCENTLIVE_EMULATOR_PID" 2>/dev/null || true' EXIT
	[[ -n "${TENCENTLIVE_ENDPOINT:-}" ]] || { cat "$log" >&2; fail "the emulator did not start"; }
	log "emulator at $TENCENTLIVE_ENDPOINT"
}

# ensure_cli terraform|tofu: prints a CLI's path, the only line on stdout (progress goes to
# stderr). terraform: PATH's (unless ENSURE_TF_NO_PATH=1), bin/terraform, else `go install` of
# $TERRAFORM_VERSION (default 1.6.6, the last MPL release; ~2 min). tofu: bin/tofu at
# tools/opentofu's version, else built from it (minutes). version.dev=no drops the "-dev" that
# terraform-plugin-testing's version parsing refuses.
ensure_cli() {
	local name="$1" bin="$repo/bin/$1" want="" candidate version start=$SECONDS
	if [[ "$name" == tofu ]]; then
		want="OpenTofu $(awk '$1 == "require" && $2 == "github.com/opentofu/opentofu" { print $3 }' "$repo/tools/opentofu/go.mod")"
	elif [[ "${ENSURE_TF_NO_PATH:-}" != 1 ]]; then
		candidate="$(command -v terraform || true)"
	fi
	for candidate in ${candidate:-} "$bin" build; do
		if [[ "$candidate" == build ]]; then
			log "building $name into $bin (minutes on a cold cache)..."
			if [[ "$name" == tofu ]]; then
				(cd "$repo/tools/opentofu" && GOFLAGS="-mod=readonly -buildvcs=false" CGO_ENABLED=0 go build -trimpath \
					-ldflags "-s -w -X github.com/opentofu/opentofu/version.dev=no" -o "$bin" github.com/opentofu/opentofu/cmd/tofu) >&2
			else
				GOBIN="$repo/bin" GOFLAGS=-buildvcs=false CGO_ENABLED=0 go install -ldflags "-s -w -X github.com/hashicorp/terraform/version.dev=no" \
					"github.com/hashicorp/terraform@v${TERRAFORM_VERSION:-1.6.6}" >&2
			fi
			candidate="$bin"
		fi
		# A missing TF_CLI_CONFIG_FILE only makes tofu warn on stderr.
		version="$(TF_CLI_CONFIG_FILE=/dev/null "$candidate" version 2>/dev/null)" || continue
		version="${version%%$'\n'*}" # the first line (no pipe into head: SIGPIPE + pipefail)
		[[ -n "$version" && ( -z "$want" || "$version" == "$want" ) ]] || continue
		log "using $candidate ($version, $((SECONDS - start))s)"
		printf '%s\n' "$candidate"
		return
	done
	fail "the $name built into $bin reports '${version:-nothing}'${want:+, want '$want'}"
}

# functions_cli CLI: prints CLI when it has provider-defined functions (OpenTofu, Terraform >= 1.8),
# else the pinned OpenTofu (the Terraform 1.6.6 that ensure_cli builds has none), and says so.
functions_cli() {
	local v
	v="$(TF_CLI_CONFIG_FILE=/dev/null "$1" version 2>/dev/null)" && v="${v%%$'\n'*}"
	[[ "$v" =~ ^Terraform\ v(.*)$ && "$(printf '%s\n' 1.8.0 "${BASH_REMATCH[1]}" | sort -V | head -n 1)" != 1.8.0 ]] ||
		{ printf '%s\n' "$1"; return; }
	log "$v has no provider-defined functions: using OpenTofu"
	ensure_cli tofu
}
