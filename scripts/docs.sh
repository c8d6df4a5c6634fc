#!/usr/bin/env bash
# docs.sh generate|check — docs/ from templates/, examples/ and the provider's schema (make docs, make docs-check).
#   1. go run ./cmd/tencentlive-doctables: the code, rate, region and seat-template tables of templates/.
#   2. the schema JSON: this tree's provider from a local -plugin-dir, read with `terraform providers
#      schema -json` (tfplugindocs would download Terraform when none is on PATH).
#   3. tfplugindocs generate and validate (pinned in tools/tfplugindocs/go.mod).
# check then fails when docs/ or templates/ differ from what git has.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$repo"
[[ "${1:-}" == generate || "${1:-}" == check ]] || usage
name=tencentlive
# Terraform >= 1.14: an older CLI leaves functions, list resources or actions out of the schema JSON.
terraform="$(ensure_cli terraform)"

mapfile -t templates < <(find templates -name '*.tmpl' | sort)
go run ./cmd/tencentlive-doctables "${templates[@]}"

# tfplugindocs looks the provider up as registry.terraform.io/hashicorp/NAME; it is never published there.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
go build -o "$work/plugins/registry.terraform.io/hashicorp/$name/0.0.1/$(go env GOOS)_$(go env GOARCH)/terraform-provider-$name" .
# The full source address, so that OpenTofu too looks for it under registry.terraform.io.
printf 'terraform {\n  required_providers {\n    %s = { source = "registry.terraform.io/hashicorp/%s" }\n  }\n}\n' "$name" "$name" >"$work/main.tf"
TF_CLI_CONFIG_FILE="$(scripts/cli-config.sh)" CHECKPOINT_DISABLE=1
export TF_CLI_CONFIG_FILE CHECKPOINT_DISABLE
"$terraform" -chdir="$work" init -input=false -no-color -plugin-dir="$work/plugins" >"$work/init.log" 2>&1 ||
	{ cat "$work/init.log" >&2; fail "terraform init"; }
"$terraform" -chdir="$work" providers schema -json >"$work/schema.json"
for step in generate validate; do
	go tool -modfile=tools/tfplugindocs/go.mod tfplugindocs "$step" --provider-name "$name" --providers-schema "$work/schema.json"
done

# A template that leaves out .SchemaMarkdown gives a page without its arguments: every page but a
# guide or a function (whose signature tfplugindocs writes instead) must have its "## Schema".
missing="$(find docs -name '*.md' -not -path 'docs/guides/*' -not -path 'docs/functions/*' \
	-exec grep -L '^## Schema' {} +)" || true
[[ -z "$missing" ]] || fail "no \"## Schema\" section (the template needs {{ .SchemaMarkdown }}): $missing"

if [[ "$1" == check ]]; then
	stale="$(git status --porcelain --untracked-files=all -- docs templates)"
	[[ -z "$stale" ]] || { git --no-pager diff --stat -- docs templates >&2; printf '%s\n' "$stale" >&2
		fail "docs/ or templates/ is not what the code generates: run \`make docs\` and commit the result"; }
	log "docs/ is up to date"
fi
