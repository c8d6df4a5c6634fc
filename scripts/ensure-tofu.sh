#!/usr/bin/env bash
# ensure-tofu.sh — prints the path of the pinned OpenTofu, building it if needed (ensure_cli in lib.sh).
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_cli tofu
