#!/usr/bin/env bash
# ensure-terraform.sh — prints the path of a terraform that runs, building it if needed (ensure_cli in lib.sh).
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
ensure_cli terraform
