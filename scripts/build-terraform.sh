#!/usr/bin/env bash
# build-terraform.sh [VERSION] — builds the Terraform CLI VERSION (default: TERRAFORM_VERSION in
# lib.sh) from the Go module proxy alone and prints the binary's path, the only line on stdout.
# The binary is cached in ${XDG_CACHE_HOME:-~/.cache}/tencentlive/terraform-VERSION/terraform
# (TENCENTLIVE_CLI_CACHE overrides the directory), so only the first run pays for the build.
#
# Terraform's module zip leaves out nine remote-state backends (azurerm, consul, cos, gcs,
# kubernetes, oss, pg, s3, oci) and internal/legacy, which are nested modules its go.mod requires
# and replaces with local paths. The recipe drops those require and replace lines and the nine
# backends' imports and registrations in internal/backend/init/init.go; local, remote, cloud,
# http and inmem stay. Each edit is checked, so a release that moves them fails loudly here.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
build_terraform "${1:-$TERRAFORM_VERSION}"
