#!/usr/bin/env bash
# ensure-gotool.sh — print the absolute path of a Go-installable tool at a pinned version,
# building it into $REPO/bin if needed.
#
# Usage:   scripts/ensure-gotool.sh PACKAGE VERSION
#   e.g.   scripts/ensure-gotool.sh github.com/goreleaser/goreleaser/v2 v2.15.0
#          scripts/ensure-gotool.sh github.com/golangci/golangci-lint/v2/cmd/golangci-lint v2.15.0
# Output:  the path is the LAST line on stdout; progress goes to stderr.
# Lookup:  the binary name is the package's last element (a trailing /vN is skipped).
#          A binary on PATH or in $REPO/bin is used only if its embedded build info
#          (`go version -m`) says it was built from VERSION; otherwise it is built with
#          `GOBIN=$REPO/bin go install PACKAGE@VERSION` (minutes on a cold module cache).
set -euo pipefail

[[ $# -eq 2 ]] || { sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }
pkg="$1" version="$2"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
log() { printf 'ensure-gotool: %s\n' "$*" >&2; }

name="${pkg##*/}"
[[ "$name" =~ ^v[0-9]+$ ]] && { name="${pkg%/*}"; name="${name##*/}"; }

# The version of the main module the binary was built from ("mod <path> <version> <sum>").
built_version() { go version -m "$1" 2>/dev/null | awk '$1 == "mod" { print $3; exit }'; }

for candidate in "$repo/bin/$name" "$(command -v "$name" 2>/dev/null || true)"; do
	if [[ -n "$candidate" && -x "$candidate" && "$(built_version "$candidate")" == "$version" ]]; then
		log "using $candidate ($version)"
		printf '%s\n' "$candidate"
		exit 0
	fi
done

log "building $name $version into $repo/bin ..."
start=$SECONDS
mkdir -p "$repo/bin"
GOBIN="$repo/bin" GOWORK=off GOFLAGS=-buildvcs=false CGO_ENABLED=0 go install "$pkg@$version" >&2
[[ "$(built_version "$repo/bin/$name")" == "$version" ]] || { log "$repo/bin/$name does not report $version"; exit 1; }
log "built $name $version in $((SECONDS - start))s"
printf '%s\n' "$repo/bin/$name"
