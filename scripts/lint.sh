#!/usr/bin/env bash
# lint.sh — golangci-lint v2.15.0 (installed into bin/ when missing) with .golangci.yml.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
lint="$(scripts/ensure-gotool.sh github.com/golangci/golangci-lint/v2/cmd/golangci-lint v2.15.0 | tail -n 1)"
"$lint" run ./...
