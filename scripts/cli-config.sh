#!/usr/bin/env bash
# cli-config.sh [--mirror DIR [--provider-bin BIN --provider-version X.Y.Z]] [--out FILE]
# Writes a Terraform/OpenTofu CLI config file (an empty one, or one that installs the provider from
# a filesystem mirror) and prints its path, the only line on stdout: cmd/tencentlive-cliconfig.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
(cd "$repo" && go build -o bin/tencentlive-cliconfig ./cmd/tencentlive-cliconfig)
exec "$repo/bin/tencentlive-cliconfig" -dir "$repo/bin/cli-config" "$@"
