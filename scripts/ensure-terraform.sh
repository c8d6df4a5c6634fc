#!/usr/bin/env bash
# ensure-terraform.sh — print the absolute path of a usable terraform binary.
#
# Usage:   scripts/ensure-terraform.sh            # e.g. TF_ACC_TERRAFORM_PATH=$(scripts/ensure-terraform.sh)
# Output:  the path is the LAST line on stdout; progress goes to stderr.
# Order:   1. `terraform` on PATH, if `terraform version` runs
#          2. $REPO/bin/terraform, if it runs
#          3. build it from source through the Go module proxy (no release
#             downloads are reachable here): about 2 minutes on 2 cores.
# Env:     TERRAFORM_VERSION   version to build (default 1.6.6, the last MPL release,
#                              buildable with `go install`)
#          ENSURE_TF_NO_PATH=1 ignore `terraform` on PATH (forces bin/ or a build)
# Exit:    non-zero (and no path printed) when no binary can be found or built.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
version="${TERRAFORM_VERSION:-1.6.6}"
bin_dir="$repo/bin"
log() { printf 'ensure-terraform: %s\n' "$*" >&2; }

works() { "$1" version >/dev/null 2>&1; }

if [[ "${ENSURE_TF_NO_PATH:-}" != 1 ]] && found="$(command -v terraform 2>/dev/null)" && works "$found"; then
	log "using terraform on PATH: $found"
	printf '%s\n' "$found"
	exit 0
fi

if [[ -x "$bin_dir/terraform" ]] && works "$bin_dir/terraform"; then
	log "using $bin_dir/terraform"
	printf '%s\n' "$bin_dir/terraform"
	exit 0
fi

command -v go >/dev/null 2>&1 || { log "go not found on PATH; cannot build terraform"; exit 1; }

log "building terraform v$version into $bin_dir (takes about 2 minutes)..."
start=$SECONDS
mkdir -p "$bin_dir"
# version.dev=no drops the "-dev" suffix so `terraform version` reports a plain release,
# which terraform-plugin-testing's version checks expect.
# GOFLAGS is cleared of -mod settings that would apply to this repo, not terraform's module.
GOBIN="$bin_dir" GOFLAGS=-buildvcs=false CGO_ENABLED=0 go install \
	-ldflags "-s -w -X github.com/hashicorp/terraform/version.dev=no" \
	"github.com/hashicorp/terraform@v$version" >&2
works "$bin_dir/terraform" || { log "built binary does not run"; exit 1; }
log "built $("$bin_dir/terraform" version | head -n1) in $((SECONDS - start))s"
printf '%s\n' "$bin_dir/terraform"
