#!/usr/bin/env bash
# testacc.sh — acceptance tests: the real CLI against the emulator, which the tests start
# in-process on a random loopback port (or the real service, when TENCENTLIVE_SDK_APP_ID and
# TENCENTLIVE_SECRET_KEY are set and TENCENTLIVE_ENDPOINT is not).
#
# Usage: scripts/testacc.sh [terraform|tofu] [extra go test args...]
# Env:   TESTACC_PARALLEL (default 4), TESTACC_TIMEOUT (default 30m), TESTACC_PACKAGES
#        (default: provider acceptance tests, plus the reliability suite with Terraform)
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
cli="${1:-terraform}"
shift || true

# With Terraform, also the reliability suite (internal/e2e: the CLI against the emulator process).
packages="./internal/provider/... ./internal/e2e/..."
case "$cli" in
terraform) TF_ACC_TERRAFORM_PATH="$(scripts/ensure-terraform.sh | tail -n 1)" ;;
tofu)
	TF_ACC_TERRAFORM_PATH="$(scripts/ensure-tofu.sh | tail -n 1)"
	# terraform-plugin-testing names the provider under test with this namespace; OpenTofu
	# resolves it on its own registry host, so it must be a real-looking namespace.
	export TF_ACC_PROVIDER_NAMESPACE="${TF_ACC_PROVIDER_NAMESPACE:-tencentlive}"
	export TF_ACC_PROVIDER_HOST="${TF_ACC_PROVIDER_HOST:-registry.opentofu.org}"
	packages="./internal/provider/..."
	;;
*) echo "usage: $0 [terraform|tofu]" >&2; exit 2 ;;
esac
export TF_ACC_TERRAFORM_PATH
# A CLI config that exists: a missing one makes OpenTofu warn, which breaks version parsing.
TF_CLI_CONFIG_FILE="$(scripts/cli-config.sh | tail -n 1)"
export TF_CLI_CONFIG_FILE
export TF_ACC=1
echo "acceptance tests with $("$TF_ACC_TERRAFORM_PATH" version | head -n 1)" >&2

# shellcheck disable=SC2086
go test -count=1 -timeout "${TESTACC_TIMEOUT:-30m}" -parallel "${TESTACC_PARALLEL:-4}" \
	-run '^Test(Acc|Reliability)' ${TESTACC_PACKAGES:-$packages} "$@"
# Under OpenTofu also the adoption walk-through (import blocks, generated config, bulk import).
if [[ "$cli" == tofu && -z "${TESTACC_PACKAGES:-}" ]]; then
	go test -count=1 -timeout "${TESTACC_TIMEOUT:-30m}" -run '^TestAccAdoption' ./internal/e2e/ "$@"
fi
