#!/usr/bin/env bash
# examples-check.sh — make examples-check (CLI=tofu for OpenTofu): `fmt -check`; `init` + `validate`
# of a copy of every directory with *.tf or *.tfquery.hcl (`validate -query` for the latter), the
# provider from a filesystem mirror (snippets get a required_providers); `test` of every tests/*.tftest.hcl against the emulator (started from
# examples/ci/seed.json), which must then hold only the seeded rooms. The CLIs ensure_cli gives
# (Terraform >= 1.14, OpenTofu 1.12.6) parse every example, except that OpenTofu has no actions, list
# resources or identity in import blocks (Terraform 1.12-1.14): under it the files that use them are
# left out, saying so, and the rest of each example is validated. Env: CLI, VERSION (default internal/release's).
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$repo"
cli="${CLI:-terraform}"
[[ "$cli" == terraform || "$cli" == tofu ]] || fail "CLI must be terraform or tofu, not $cli"
tf="$(ensure_cli "$cli")"
for bin in bin/terraform-provider-tencentlive bin/tencentlive-emulator; do
	[[ -x "$bin" ]] || fail "$bin is missing; run \`make build\` (or \`make examples-check\`)"
done
work="$repo/bin/examples-check/$cli"
rm -rf "$work" && mkdir -p "$work"
TF_CLI_CONFIG_FILE="$(scripts/cli-config.sh --mirror "$work/mirror" --out "$work/cli.tfrc" \
	--provider-bin bin/terraform-provider-tencentlive --provider-version "${VERSION:-$(release_const Version)}")"
export TF_CLI_CONFIG_FILE TF_IN_AUTOMATION=1 CHECKPOINT_DISABLE=1
# Nothing from the caller's environment may point a test at a real application.
unset TENCENTLIVE_ENDPOINT TENCENTLIVE_SDK_APP_ID TENCENTLIVE_SECRET_KEY TENCENTLIVE_IDENTIFIER \
	TENCENTLIVE_REGION TENCENTLIVE_MAX_RETRIES TENCENTLIVE_REQUESTS_PER_SECOND
# quiet LOG COMMAND...: COMMAND's output goes to LOG, shown only on failure.
quiet() { local out="$1"; shift; "$@" >"$out" 2>&1 || { cat "$out" >&2; return 1; }; }

"$tf" fmt -check -recursive -diff examples || fail "the files above are not formatted: run \`make fmt\`"
log "fmt -check: ok"

mkdir -p "$work/examples"
tar -C examples --exclude=.terraform --exclude=.terraform.lock.hcl --exclude='*.tfstate*' -cf - . | tar -C "$work/examples" -xf -
mapfile -t dirs < <(cd "$work/examples" && find . \( -name '*.tf' -o -name '*.tfquery.hcl' \) -printf '%h\n' | sed 's|^\./||' | sort -u)
[[ ${#dirs[@]} -gt 0 ]] || fail "no examples found"
for dir in "${dirs[@]}"; do
	d="$work/examples/$dir" start=$SECONDS
	query=()
	if [[ "$cli" == tofu ]]; then
		# OpenTofu has no actions, list resources or identity in import blocks: leave out the files
		# that use them and validate the rest of the example.
		mapfile -t only < <(grep -lsE '^\s*(action|list)\s+"|^\s*action_trigger\s*\{|^\s*identity\s*=\s*\{' "$d"/*.tf "$d"/*.tfquery.hcl)
		for f in "${only[@]}"; do
			log "$dir/$(basename "$f"): left out under OpenTofu (actions, list resources and identity imports are Terraform-only)"
			rm "$f"
		done
		compgen -G "$d/*.tf" >/dev/null || continue
	elif compgen -G "$d/*.tfquery.hcl" >/dev/null; then
		query=(-query) # Terraform >= 1.14 validates the list blocks of .tfquery.hcl files with it
	fi
	grep -qs 'required_providers' "$d"/*.tf ||
		printf 'terraform {\n  required_providers {\n    tencentlive = {\n      source = "tencentlive/tencentlive"\n    }\n  }\n}\n' >"$d/zz_examples_check_providers.tf"
	quiet "$d.init.log" "$tf" -chdir="$d" init -input=false -no-color -backend=false || fail "$dir: init failed"
	quiet "$d.validate.log" "$tf" -chdir="$d" validate -no-color "${query[@]}" || fail "$dir: validate failed"
	log "$dir: init + validate ok ($((SECONDS - start))s)"
done

mapfile -t tested < <(cd "$work/examples" && find . -path '*/tests/*.tftest.hcl' -printf '%h\n' | sed 's|/tests$||; s|^\./||' | sort -u)
[[ ${#tested[@]} -gt 0 ]] || { log "no tests found"; exit 0; }
command -v curl >/dev/null || fail "curl is needed to ask the emulator what it holds after the tests"
# The CI example reads rooms the application made before Terraform: the emulator starts with them.
start_emulator "$work/emulator.log" -seed-file examples/ci/seed.json
seeded="$(curl -fsS "$TENCENTLIVE_ENDPOINT/_emulator/rooms")" || fail "cannot list the emulator's rooms"
for dir in "${tested[@]}"; do
	d="$work/examples/$dir" start=$SECONDS
	quiet "$d.test.log" "$tf" -chdir="$d" test -no-color || fail "$dir: test failed"
	grep -E '^(tests/|Success!)' "$d.test.log" | sed 's/^/  /' >&2 || true
	rooms="$(curl -fsS "$TENCENTLIVE_ENDPOINT/_emulator/rooms")" || fail "cannot list the emulator's rooms"
	[[ "$rooms" == "$seeded" ]] || fail "$dir: rooms left on the emulator after the test destroyed its resources: $rooms"
	log "$dir: test ok, nothing left behind ($((SECONDS - start))s)"
done
log "all examples ok"
