#!/usr/bin/env bash
# ensure-tofu.sh — print the absolute path of the pinned OpenTofu CLI, building it if needed.
#
# Usage:   scripts/ensure-tofu.sh                 # e.g. TF_ACC_TERRAFORM_PATH=$(scripts/ensure-tofu.sh)
#          scripts/ensure-tofu.sh --rebuild       # rebuild even if bin/tofu is current
# Output:  the path ($REPO/bin/tofu) is the LAST line on stdout; progress goes to stderr.
# Pin:     the version comes from tools/opentofu/go.mod (module + go.sum committed), so the
#          build uses only the Go module proxy. bin/tofu is reused while `tofu version`
#          reports that same version. A cold build takes several minutes on 2 cores.
# Exit:    non-zero (and no path printed) when the build fails.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tools_dir="$repo/tools/opentofu"
bin="$repo/bin/tofu"
log() { printf 'ensure-tofu: %s\n' "$*" >&2; }

# "github.com/opentofu/opentofu v1.12.6" -> "1.12.6"
want="$(awk '$1 == "require" && $2 == "github.com/opentofu/opentofu" { sub(/^v/, "", $3); print $3 }' "$tools_dir/go.mod")"
[[ -n "$want" ]] || { log "cannot read the OpenTofu version from $tools_dir/go.mod"; exit 1; }

# A missing TF_CLI_CONFIG_FILE only makes tofu warn on stderr; keep it quiet here.
current_version() { TF_CLI_CONFIG_FILE=/dev/null "$bin" version 2>/dev/null | head -n1 || true; }

if [[ "${1:-}" != --rebuild && -x "$bin" && "$(current_version)" == "OpenTofu v$want" ]]; then
	log "using $bin (v$want)"
	printf '%s\n' "$bin"
	exit 0
fi

command -v go >/dev/null 2>&1 || { log "go not found on PATH; cannot build tofu"; exit 1; }

log "building OpenTofu v$want into $bin (several minutes on a cold cache)..."
start=$SECONDS
mkdir -p "$(dirname "$bin")"
# version.dev=no drops the "-dev" suffix so `tofu version` reports a plain release,
# which terraform-plugin-testing's version parsing expects.
(
	cd "$tools_dir"
	GOWORK=off GOFLAGS="-mod=readonly -buildvcs=false" CGO_ENABLED=0 go build \
		-trimpath -ldflags "-s -w -X github.com/opentofu/opentofu/version.dev=no" \
		-o "$bin" github.com/opentofu/opentofu/cmd/tofu
) >&2
got="$(current_version)"
[[ "$got" == "OpenTofu v$want" ]] || { log "built binary reports '$got', want 'OpenTofu v$want'"; exit 1; }
log "built $got in $((SECONDS - start))s"
printf '%s\n' "$bin"
