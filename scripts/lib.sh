# lib.sh — what the scripts share. Source it first: . "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# It sets strict mode and $repo, and defines log, fail, usage and the helpers below.
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
log() { printf '%s: %s\n' "$(basename "$0" .sh)" "$*" >&2; }
fail() { log "FAIL: $*"; exit 1; }
usage() { sed -n '2,/^[^#]/s/^# \{0,1\}//p' "$0" >&2; exit 2; } # the script's header comment

# release_const Address|Version: a constant of internal/release, the one place for both.
release_const() { sed -n "s/^\t$1 = \"\(.*\)\"$/\1/p" "$repo/internal/release/release.go"; }

# start_emulator LOG [FLAGS...]: bin/tencentlive-emulator on a free loopback port, its stderr in
# LOG; exports what it prints with -env (TENCENTLIVE_ENDPOINT, _SDK_APP_ID, _SECRET_KEY,
# _IDENTIFIER, TENCENTLIVE_EMULATOR_PID) and stops it when the script exits.
start_emulator() {
	local log="$1"
	shift
	unset TENCENTLIVE_ENDPOINT
	eval "$("$repo/bin/tencentlive-emulator" -listen 127.0.0.1:0 -env "$@" 2>"$log" &)"
	trap '[[ -z "${TENCENTLIVE_EMULATOR_PID:-}" ]] || kill "$TENCENTLIVE_EMULATOR_PID" 2>/dev/null || true' EXIT
	[[ -n "${TENCENTLIVE_ENDPOINT:-}" ]] || { cat "$log" >&2; fail "the emulator did not start"; }
	log "emulator at $TENCENTLIVE_ENDPOINT"
}

# The Terraform the acceptance tests, the demo and the examples run under: the first release line
# with everything the provider offers (provider functions 1.8, ephemeral resources 1.10, resource
# identity 1.12, list resources and actions 1.14). TERRAFORM_MIN_VERSION: an older CLI is not used.
TERRAFORM_VERSION="${TERRAFORM_VERSION:-1.16.4}"
TERRAFORM_MIN_VERSION=1.14.0
# The oldest Terraform the provider supports, built by ensure_cli terraform-oldest: the last
# release `go install` builds as it is (later ones need build_terraform's recipe).
TERRAFORM_OLDEST_VERSION=1.6.6

# cli_cache_dir: where built CLIs are kept between runs, one directory per name and version.
cli_cache_dir() { printf '%s\n' "${TENCENTLIVE_CLI_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/tencentlive}"; }

# cli_version CLI: the first line of `CLI version` ("Terraform v1.16.4", "OpenTofu v1.12.6"), or fails.
# A missing TF_CLI_CONFIG_FILE only makes tofu warn on stderr; CHECKPOINT_DISABLE: no update check.
cli_version() {
	local v
	v="$(TF_CLI_CONFIG_FILE=/dev/null CHECKPOINT_DISABLE=1 "$1" version 2>/dev/null)" || return 1
	printf '%s\n' "${v%%$'\n'*}" # the first line (no pipe into head: SIGPIPE + pipefail)
}

# version_at_least A B: A >= B (dotted versions).
version_at_least() { [[ "$(printf '%s\n' "$1" "$2" | sort -V | head -n 1)" == "$2" ]]; }

# go_with_progress LOG TOTAL LABEL build|install ARGS...: `go build -v` or `go install -v` with a
# line on stderr every 20 s saying how many modules are downloaded and packages compiled (of TOTAL,
# when known; a cached package is not compiled again); on failure the toolchain's output in full.
go_with_progress() {
	local log="$1" of="${2:+ of $2}" label="$3" start=$SECONDS ticker rc=0
	shift 3
	(
		while sleep 20; do
			log "$label: $(grep -c '^go: downloading' "$log" 2>/dev/null || true) modules downloaded, $(grep -c -v ' ' "$log" 2>/dev/null || true)$of packages compiled, $((SECONDS - start))s"
		done
	) &
	ticker=$!
	go "$1" -v "${@:2}" 2>"$log" || rc=$?
	kill "$ticker" 2>/dev/null || true
	wait "$ticker" 2>/dev/null || true
	if ((rc != 0)); then
		# -v names each package on a line of its own; everything else is the toolchain speaking.
		grep -v -E '^[A-Za-z0-9._~/-]+$' "$log" >&2 || cat "$log" >&2
		return "$rc"
	fi
	log "$label: $(grep -c -v ' ' "$log" || true) packages compiled in $((SECONDS - start))s"
}

# build_terraform VERSION: prints the path of Terraform VERSION built from the Go module proxy
# (scripts/build-terraform.sh says why the recipe edits the module), cached in
# $(cli_cache_dir)/terraform-VERSION; concurrent callers wait for one build (flock).
build_terraform() {
	local version="$1" bin
	bin="$(cli_cache_dir)/terraform-$version/terraform"
	build_once "$bin" "Terraform v$version" build_terraform_from_proxy "$version" "$bin" >&2
	printf '%s\n' "$bin"
}

# build_once BIN WANT BUILD ARGS...: unless BIN already reports WANT (cli_version), runs BUILD
# ARGS in a subshell holding the lock of BIN's directory, so that builds into one CLI cache go
# one at a time and a second caller waits, then finds the binary built.
build_once() {
	local bin="$1" want="$2" dir
	shift 2
	dir="$(dirname "$bin")"
	mkdir -p "$dir"
	(
		exec 9>"$dir/.lock"
		command -v flock >/dev/null && flock 9
		[[ "$(cli_version "$bin" || true)" == "$want" ]] && exit 0
		"$@"
	) || exit 1
}

# build_terraform_from_proxy VERSION BIN: build_terraform's recipe (run by build_once).
build_terraform_from_proxy() {
	local version="$1" bin="$2" dir start=$SECONDS src mod_dir
	dir="$(dirname "$bin")"
	log "building Terraform $version into $bin (about 6 min on 2 cores with empty Go caches, 1-4 min with warm ones)"
	cd "$dir" # outside any module, so that no go.mod around the caller is consulted
	mod_dir="$(go mod download -json "github.com/hashicorp/terraform@v$version" | sed -n 's/^\t"Dir": "\(.*\)",$/\1/p')"
	[[ -d "$mod_dir" ]] || fail "go mod download of github.com/hashicorp/terraform@v$version gave no source directory"
	src="$dir/src"
	rm -rf "$src"
	trap "rm -rf -- $(printf %q "$src")" EXIT # the subshell's exit, after this function has returned
	cp -R "$mod_dir" "$src"
	chmod -R u+w "$src"
	local nested='internal/(backend/remote-state/(azure|consul|cos|gcs|kubernetes|oss|pg|s3|oci)|legacy)'
	local backends='backend(Azure|Consul|Cos|GCS|Kubernetes|OSS|Pg|S3|OCI)\b'
	# go.mod: a require and a replace line for each of the ten nested modules.
	[[ "$(grep -c -E "github.com/hashicorp/terraform/$nested( |\$)" "$src/go.mod")" == 20 ]] ||
		fail "Terraform $version's go.mod does not require and replace the ten nested modules the recipe drops"
	sed -i -E "\#github.com/hashicorp/terraform/$nested( |\$)#d" "$src/go.mod"
	# init.go: an import and a registration for each of the nine backends, and nothing else.
	local init="$src/internal/backend/init/init.go"
	[[ "$(grep -c -E "$backends" "$init")" == 18 ]] ||
		fail "Terraform $version's internal/backend/init/init.go does not import and register the nine backends the recipe drops"
	sed -i -E "/$backends/d" "$init"
	if grep -rl --include='*.go' -E "\"github.com/hashicorp/terraform/$nested\"" "$src" | grep -v '_test\.go$' >&2; then
		fail "the files above import a nested module of Terraform $version that its module zip leaves out"
	fi
	cd "$src"
	export GOFLAGS="-mod=mod -buildvcs=false" CGO_ENABLED=0
	log "Terraform $version: downloading the modules it needs"
	go list -deps . >"$dir/deps.txt" 2>"$dir/list.log" || { cat "$dir/list.log" >&2; fail "go list of Terraform $version failed"; }
	go_with_progress "$dir/build.log" "$(wc -l <"$dir/deps.txt")" "building Terraform $version" build \
		-trimpath -ldflags "-s -w -X github.com/hashicorp/terraform/version.dev=no" -o "$bin.new" .
	[[ "$(cli_version "$bin.new" || true)" == "Terraform v$version" ]] ||
		fail "the built binary reports '$(cli_version "$bin.new" || true)', want 'Terraform v$version'"
	mv "$bin.new" "$bin"
	log "built Terraform $version in $((SECONDS - start))s"
}

# install_terraform_oldest DIR: Terraform TERRAFORM_OLDEST_VERSION, `go install`ed into DIR (run
# by build_once).
install_terraform_oldest() {
	log "building Terraform $TERRAFORM_OLDEST_VERSION into $1/terraform with go install (about 2 min)"
	GOBIN="$1" GOFLAGS=-buildvcs=false CGO_ENABLED=0 go_with_progress "$1/build.log" "" \
		"building Terraform $TERRAFORM_OLDEST_VERSION" install -ldflags "-s -w -X github.com/hashicorp/terraform/version.dev=no" \
		"github.com/hashicorp/terraform@v$TERRAFORM_OLDEST_VERSION"
}

# build_tofu WANT BIN: OpenTofu from tools/opentofu's module into BIN (run by build_once).
build_tofu() {
	local want="$1" bin="$2" dir
	dir="$(dirname "$bin")"
	log "building $want into $bin (about 5 min with empty Go caches)"
	cd "$repo/tools/opentofu" && export GOFLAGS="-mod=readonly -buildvcs=false" CGO_ENABLED=0
	log "$want: downloading the modules it needs"
	go list -deps github.com/opentofu/opentofu/cmd/tofu >"$dir/deps.txt" 2>"$dir/list.log" ||
		{ cat "$dir/list.log" >&2; fail "go list of $want failed"; }
	go_with_progress "$dir/build.log" "$(wc -l <"$dir/deps.txt")" "building $want" build -trimpath \
		-ldflags "-s -w -X github.com/opentofu/opentofu/version.dev=no" -o "$bin.new" github.com/opentofu/opentofu/cmd/tofu
	mv "$bin.new" "$bin"
}

# ensure_cli terraform|terraform-oldest|tofu: prints a CLI's path, the only line on stdout
# (progress goes to stderr).
#   terraform: PATH's terraform (unless ENSURE_TF_NO_PATH=1), then bin/terraform, when it is at least
#     TERRAFORM_MIN_VERSION; else Terraform $TERRAFORM_VERSION from build_terraform (cached).
#   terraform-oldest: Terraform TERRAFORM_OLDEST_VERSION, `go install`ed into the CLI cache.
#   tofu: bin/tofu when it is tools/opentofu's version, else the one built from that module into the
#     CLI cache (minutes, once).
# version.dev=no drops the "-dev" that terraform-plugin-testing's version parsing refuses.
ensure_cli() {
	local name="$1" candidate version start=$SECONDS candidates=()
	case "$name" in
	terraform)
		[[ "${ENSURE_TF_NO_PATH:-}" == 1 ]] || candidates+=("$(command -v terraform || true)")
		candidates+=("$repo/bin/terraform")
		for candidate in "${candidates[@]}"; do
			[[ -n "$candidate" ]] && version="$(cli_version "$candidate")" || continue
			if [[ "$version" =~ ^Terraform\ v([0-9.]+)$ ]] && version_at_least "${BASH_REMATCH[1]}" "$TERRAFORM_MIN_VERSION"; then
				log "using $candidate ($version)"
				printf '%s\n' "$candidate"
				return
			fi
			log "not using $candidate ($version): older than $TERRAFORM_MIN_VERSION"
		done
		candidate="$(build_terraform "$TERRAFORM_VERSION")"
		;;
	terraform-oldest)
		local dir
		dir="$(cli_cache_dir)/terraform-$TERRAFORM_OLDEST_VERSION"
		candidate="$dir/terraform"
		build_once "$candidate" "Terraform v$TERRAFORM_OLDEST_VERSION" install_terraform_oldest "$dir"
		;;
	tofu)
		local want dir
		want="$(awk '$1 == "require" && $2 == "github.com/opentofu/opentofu" { print $3 }' "$repo/tools/opentofu/go.mod")"
		dir="$(cli_cache_dir)/opentofu-${want#v}"
		want="OpenTofu $want"
		candidate="$repo/bin/tofu"
		[[ "$(cli_version "$candidate" || true)" == "$want" ]] || candidate="$dir/tofu"
		[[ "$(cli_version "$candidate" || true)" == "$want" ]] || build_once "$candidate" "$want" build_tofu "$want" "$candidate"
		;;
	*) fail "ensure_cli: unknown CLI '$name'" ;;
	esac
	version="$(cli_version "$candidate")" || fail "$candidate does not run"
	log "using $candidate ($version, $((SECONDS - start))s)"
	printf '%s\n' "$candidate"
}

# go_test GO-TEST-ARGS...: `go test -json` summarised by cmd/tencentlive-testprogress: a line per
# package as it finishes, a still-running line every TEST_PROGRESS_EVERY (default 30s), failures
# in full; TEST_RECORD=FILE appends which tests ran and which skipped (why) to FILE.
# TEST_OUTPUT=raw runs plain `go test` instead.
go_test() {
	if [[ "${TEST_OUTPUT:-}" == raw ]]; then
		go test "$@"
		return
	fi
	(cd "$repo" && go build -o bin/tencentlive-testprogress ./cmd/tencentlive-testprogress)
	go test -json "$@" | "$repo/bin/tencentlive-testprogress" -every "${TEST_PROGRESS_EVERY:-30s}" -record "${TEST_RECORD:-}"
}
