#!/usr/bin/env bash
# cli-config.sh — write a Terraform/OpenTofu CLI config file and print its path.
#
# Why: TF_CLI_CONFIG_FILE may point at a file that does not exist (it does on the dev
# machines). OpenTofu then prints a warning that breaks terraform-plugin-testing's
# version parsing, so every test run must point TF_CLI_CONFIG_FILE at a real file.
#
# Usage:
#   scripts/cli-config.sh
#       Writes bin/cli-config/test.tfrc: an (effectively) empty config for acceptance
#       tests. terraform-plugin-testing installs the provider under test by itself.
#         export TF_CLI_CONFIG_FILE="$(scripts/cli-config.sh)"
#
#   scripts/cli-config.sh --mirror DIR [--provider-bin BIN --provider-version X.Y.Z]
#       Writes bin/cli-config/mirror.tfrc: installs tencentlive/tencentlive from the
#       filesystem mirror DIR (never from a registry) and every other provider directly,
#       for `terraform init/validate` of examples and the demo against a local build.
#       With --provider-bin, also copies BIN into DIR in the "unpacked" mirror layout:
#         DIR/<host>/tencentlive/tencentlive/X.Y.Z/<os>_<arch>/terraform-provider-tencentlive_vX.Y.Z
#       for host registry.terraform.io (Terraform) and registry.opentofu.org (OpenTofu,
#       whose unqualified sources resolve there). Configurations then need
#         required_providers { tencentlive = { source = "tencentlive/tencentlive", version = "X.Y.Z" } }
#       and a fresh `terraform init` (delete .terraform.lock.hcl after rebuilding BIN,
#       since the lock file pins the old binary's hash).
#         export TF_CLI_CONFIG_FILE="$(scripts/cli-config.sh --mirror "$PWD/.demo/mirror" \
#             --provider-bin ./terraform-provider-tencentlive --provider-version 0.0.1)"
#
#   --out FILE   write FILE instead of the default path.
#
# Output: the config's absolute path is the LAST line on stdout. The file is rewritten
# only when its content changes, so repeated runs are cheap and keep its mtime.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
provider_addr="$(release_const Address)"
provider_addr="${provider_addr#*/}" # NAMESPACE/TYPE, under each host
provider_hosts=(registry.terraform.io registry.opentofu.org)

mirror="" out="" provider_bin="" provider_version=""
while [[ $# -gt 0 ]]; do
	case "$1" in
	--mirror) mirror="${2:?--mirror needs a directory}"; shift 2 ;;
	--out) out="${2:?--out needs a file}"; shift 2 ;;
	--provider-bin) provider_bin="${2:?--provider-bin needs a file}"; shift 2 ;;
	--provider-version) provider_version="${2:?--provider-version needs X.Y.Z}"; shift 2 ;;
	-h | --help) usage ;;
	*) log "unknown argument: $1"; usage ;;
	esac
done

abspath() { # works for paths that do not exist yet
	case "$1" in /*) printf '%s\n' "$1" ;; *) printf '%s/%s\n' "$PWD" "$1" ;; esac
}

if [[ -n "$provider_bin" || -n "$provider_version" ]]; then
	[[ -n "$mirror" ]] || { log "--provider-bin/--provider-version need --mirror"; exit 2; }
	[[ -n "$provider_bin" && -n "$provider_version" ]] || { log "--provider-bin and --provider-version go together"; exit 2; }
	[[ "$provider_version" =~ ^[0-9]+\.[0-9]+\.[0-9]+([-+].*)?$ ]] || { log "--provider-version must look like 1.2.3, got $provider_version"; exit 2; }
	[[ -x "$provider_bin" ]] || { log "provider binary $provider_bin is not an executable file"; exit 1; }
fi

if [[ -z "$mirror" ]]; then
	out="$(abspath "${out:-$repo/bin/cli-config/test.tfrc}")"
	content='# Written by scripts/cli-config.sh for test runs. Intentionally empty: it only has to
# exist so that TF_CLI_CONFIG_FILE never names a missing file.
'
else
	mirror="$(abspath "$mirror")"
	out="$(abspath "${out:-$repo/bin/cli-config/mirror.tfrc}")"
	includes=""
	for host in "${provider_hosts[@]}"; do
		includes+="\"$host/$provider_addr\", "
	done
	includes="${includes%, }"
	content="# Written by scripts/cli-config.sh: $provider_addr comes from a local filesystem mirror.
provider_installation {
  filesystem_mirror {
    path    = \"$mirror\"
    include = [$includes]
  }
  direct {
    exclude = [$includes]
  }
}
"
	mkdir -p "$mirror"
	if [[ -n "$provider_bin" ]]; then
		platform="$(go env GOOS 2>/dev/null || uname -s | tr '[:upper:]' '[:lower:]')_$(go env GOARCH 2>/dev/null || echo amd64)"
		for host in "${provider_hosts[@]}"; do
			dir="$mirror/$host/$provider_addr/$provider_version/$platform"
			mkdir -p "$dir"
			cp -f "$provider_bin" "$dir/terraform-provider-tencentlive_v$provider_version"
			chmod 0755 "$dir/terraform-provider-tencentlive_v$provider_version"
		done
		log "installed $provider_bin as $provider_addr $provider_version ($platform) in $mirror"
	fi
fi

mkdir -p "$(dirname "$out")"
if [[ ! -f "$out" || "$(cat "$out")"$'\n' != "$content" ]]; then
	printf '%s' "$content" >"$out.tmp.$$"
	mv -f "$out.tmp.$$" "$out"
	log "wrote $out"
fi
printf '%s\n' "$out"
