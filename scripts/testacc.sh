#!/usr/bin/env bash
# testacc.sh [terraform|tofu] [go test args...] — acceptance tests: the real CLI against the emulator,
# which the tests start in-process (or the real service, when TENCENTLIVE_SDK_APP_ID and
# TENCENTLIVE_SECRET_KEY are set and TENCENTLIVE_ENDPOINT is not). With Terraform also the
# reliability suite (internal/e2e); with OpenTofu also the adoption walk-through.
# Env: TESTACC_PARALLEL (default 4), TESTACC_TIMEOUT (default 30m), TESTACC_PACKAGES.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$repo"
cli="${1:-terraform}"
shift || true
[[ "$cli" == terraform || "$cli" == tofu ]] || usage
TF_ACC_TERRAFORM_PATH="$(ensure_cli "$cli")"
# A CLI config that exists: a missing one makes OpenTofu warn, which breaks version parsing.
TF_CLI_CONFIG_FILE="$(scripts/cli-config.sh)"
export TF_ACC=1 TF_ACC_TERRAFORM_PATH TF_CLI_CONFIG_FILE
packages="./internal/provider/... ./internal/room/... ./internal/account/... ./internal/gift/... ./internal/giftcategory/... ./internal/e2e/..."
if [[ "$cli" == tofu ]]; then
	# terraform-plugin-testing's provider address: OpenTofu resolves it on its own registry host.
	export TF_ACC_PROVIDER_NAMESPACE="${TF_ACC_PROVIDER_NAMESPACE:-tencentlive}"
	export TF_ACC_PROVIDER_HOST="${TF_ACC_PROVIDER_HOST:-registry.opentofu.org}"
	packages="./internal/provider/... ./internal/room/... ./internal/account/... ./internal/gift/... ./internal/giftcategory/..."
fi
log "acceptance tests with $("$TF_ACC_TERRAFORM_PATH" version | head -n 1)"
timeout="${TESTACC_TIMEOUT:-30m}"
# shellcheck disable=SC2086
go test -count=1 -timeout "$timeout" -parallel "${TESTACC_PARALLEL:-4}" -run '^Test(Acc|Reliability)' ${TESTACC_PACKAGES:-$packages} "$@"
if [[ "$cli" == tofu && -z "${TESTACC_PACKAGES:-}" ]]; then
	go test -count=1 -timeout "$timeout" -run '^TestAccAdoption' ./internal/e2e/ "$@"
fi
