#!/usr/bin/env bash
# testacc.sh [terraform|terraform-oldest|tofu] [go test args...] — acceptance tests: the real CLI
# against the emulator, which the tests start in-process (or the real service, when
# TENCENTLIVE_SDK_APP_ID and TENCENTLIVE_SECRET_KEY are set and TENCENTLIVE_ENDPOINT is not).
#   terraform         Terraform >= 1.14 (1.16.4 built when none is found): internal/provider and the
#                     reliability suite (internal/e2e)
#   terraform-oldest  the oldest Terraform the provider supports (1.6.6): internal/provider
#   tofu              OpenTofu 1.12.6: internal/provider and the adoption walk-through
# Env: TF_ACC_TERRAFORM_PATH (a CLI to use instead of ensure_cli's, e.g. one a CI action installed),
#      TESTACC_PARALLEL (default 4), TESTACC_TIMEOUT (default 30m), TESTACC_PACKAGES, TEST_OUTPUT=raw.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$repo"
cli="${1:-terraform}"
shift || true
[[ "$cli" == terraform || "$cli" == terraform-oldest || "$cli" == tofu ]] || usage
TF_ACC_TERRAFORM_PATH="${TF_ACC_TERRAFORM_PATH:-$(ensure_cli "$cli")}"
# A CLI config that exists: a missing one makes OpenTofu warn, which breaks version parsing.
TF_CLI_CONFIG_FILE="$(scripts/cli-config.sh)"
export TF_ACC=1 TF_ACC_TERRAFORM_PATH TF_CLI_CONFIG_FILE CHECKPOINT_DISABLE=1
packages="./internal/provider/... ./internal/room/... ./internal/account/... ./internal/gift/... ./internal/giftcategory/..."
case "$cli" in
terraform) packages+=" ./internal/e2e/..." ;;
tofu)
	# terraform-plugin-testing's provider address: OpenTofu resolves it on its own registry host.
	export TF_ACC_PROVIDER_NAMESPACE="${TF_ACC_PROVIDER_NAMESPACE:-tencentlive}"
	export TF_ACC_PROVIDER_HOST="${TF_ACC_PROVIDER_HOST:-registry.opentofu.org}"
	;;
esac
log "acceptance tests with $(cli_version "$TF_ACC_TERRAFORM_PATH")"
timeout="${TESTACC_TIMEOUT:-30m}"
# TestAcc then a capital: TestAccount* are unit tests of the account resource, run by make unit.
# shellcheck disable=SC2086
go_test -count=1 -timeout "$timeout" -parallel "${TESTACC_PARALLEL:-4}" -run '^Test(Acc[A-Z_]|Reliability)' ${TESTACC_PACKAGES:-$packages} "$@"
if [[ "$cli" == tofu && -z "${TESTACC_PACKAGES:-}" ]]; then
	go_test -count=1 -timeout "$timeout" -run '^TestAccAdoption' ./internal/e2e/ "$@"
fi
