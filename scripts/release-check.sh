#!/usr/bin/env bash
# release-check.sh — validate .goreleaser.yml and dry-run a release into dist/.
#
# Usage:   scripts/release-check.sh
# Env:     RELEASE_GOOS / RELEASE_GOARCH   space-separated targets to build
#                                          (default: this machine's GOOS / GOARCH)
#          RELEASE_FULL=1                  build every target in .goreleaser.yml
#                                          (tens of builds: slow on 2 cores)
# Does:    1. builds goreleaser (pinned in tools/goreleaser/go.mod) through `go tool`;
#          2. `goreleaser check`;
#          3. `goreleaser release --snapshot --clean --skip=sign,publish` with a copy of
#             the config whose goos/goarch lists are narrowed to the chosen targets
#             (goreleaser's --single-target exists only for `goreleaser build`);
#          4. checks dist/: per target the provider zip holding
#             terraform-provider-tencentlive_v<ver>, the emulator archive, the
#             SHA256SUMS file listing them and the registry manifest (whose hash must
#             match terraform-registry-manifest.json), and the provider's -X main.version.
#             The manifest is copied into dist/ under its release name, as the
#             release step would upload it, and `sha256sum -c` checks every listed file.
# Output:  progress on stderr; last stdout line is the dist/ directory. Exit 1 on any failure.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
project=terraform-provider-tencentlive
emulator=tencentlive-emulator
log() { printf 'release-check: %s\n' "$*" >&2; }
fail() { log "FAIL: $*"; exit 1; }
# has_line TEXT LINE: TEXT has LINE as a whole line (no pipe into grep -q: SIGPIPE + pipefail).
has_line() { grep -qxF -- "$2" <<<"$1"; }
for tool in unzip tar sha256sum git; do
	command -v "$tool" >/dev/null || fail "$tool is required"
done

goreleaser() { go tool -modfile=tools/goreleaser/go.mod goreleaser "$@"; }
goreleaser --version >/dev/null # the build, kept out of the timing below
start=$SECONDS

goreleaser check >&2 || fail "goreleaser check"

goos="${RELEASE_GOOS:-$(go env GOOS)}"
goarch="${RELEASE_GOARCH:-$(go env GOARCH)}"
config=.goreleaser.yml
if [[ "${RELEASE_FULL:-}" != 1 ]]; then
	list() { printf '[%s]' "$(printf '%s' "$1" | tr -s ' ' ',')"; } # "a b" -> "[a,b]"
	config="$(mktemp "${TMPDIR:-/tmp}/goreleaser-check.XXXXXX.yml")"
	trap 'rm -f "$config"' EXIT
	# Rewrites only the builds' one-line flow lists ("goos: [a, b]"), not ignore entries.
	sed -E "s/^([[:space:]]*goos:)[[:space:]]*\[.*/\1 $(list "$goos")/; s/^([[:space:]]*goarch:)[[:space:]]*\[.*/\1 $(list "$goarch")/" \
		.goreleaser.yml >"$config"
	log "snapshot for goos=[$goos] goarch=[$goarch] (RELEASE_FULL=1 builds every target)"
fi

goreleaser release --snapshot --clean --skip=sign,publish --config "$config" >&2 || fail "goreleaser release --snapshot"

dist="$repo/dist"
version="$(sed -nE 's/.*"version":"([^"]+)".*/\1/p' "$dist/metadata.json" | head -n1)"
[[ -n "$version" ]] || fail "no version in $dist/metadata.json"
sums="$dist/${project}_${version}_SHA256SUMS"
[[ -s "$sums" ]] || fail "missing $sums"

manifest="${project}_${version}_manifest.json"
want_manifest_sum="$(sha256sum terraform-registry-manifest.json | cut -d' ' -f1)"
grep -qxF "$want_manifest_sum  $manifest" "$sums" || fail "$sums lacks '$want_manifest_sum  $manifest'"
cp terraform-registry-manifest.json "$dist/$manifest"

for os in $goos; do
	for arch in $goarch; do
		exe=""; [[ "$os" == windows ]] && exe=".exe"
		zip="${project}_${version}_${os}_${arch}.zip"
		[[ -f "$dist/$zip" ]] || fail "missing $zip"
		grep -q "  $zip\$" "$sums" || fail "$zip not listed in SHA256SUMS"
		has_line "$(unzip -Z1 "$dist/$zip")" "${project}_v${version}${exe}" || fail "$zip lacks ${project}_v${version}${exe}"
		if [[ "$os" == windows ]]; then
			archive="${emulator}_${version}_${os}_${arch}.zip"
			[[ -f "$dist/$archive" ]] || fail "missing $archive"
			has_line "$(unzip -Z1 "$dist/$archive")" "$emulator.exe" || fail "$archive lacks $emulator.exe"
		else
			archive="${emulator}_${version}_${os}_${arch}.tar.gz"
			[[ -f "$dist/$archive" ]] || fail "missing $archive"
			has_line "$(tar -tzf "$dist/$archive")" "$emulator" || fail "$archive lacks $emulator"
		fi
		grep -q "  $archive\$" "$sums" || fail "$archive not listed in SHA256SUMS"
		log "ok: $zip, $archive"
	done
done

# Every file the checksums list must now be in dist/ with the listed hash.
(cd "$dist" && sha256sum --quiet -c "$(basename "$sums")") >&2 || fail "SHA256SUMS does not match dist/"

# The version must reach the provider binary (main.version), or the registry shows a wrong one.
binary="$(find "$dist" -type f -name "${project}_v${version}" -path "*$(go env GOOS)_$(go env GOARCH)*" | head -n1)"
if [[ -n "$binary" ]]; then
	# -trimpath keeps -ldflags out of the build info, so look for the linked string itself.
	grep -aqF "$version" "$binary" || fail "$binary does not contain its version $version (-X main.version)"
	has_line "$(go version -m "$binary" | awk '$1 == "build" { print $2 }')" "CGO_ENABLED=0" || fail "$binary was built with cgo"
	log "ok: $(basename "$binary") carries main.version=$version, CGO_ENABLED=0"
fi

log "passed in $((SECONDS - start))s: version $version, $(grep -c . "$sums") checksummed files"
printf '%s\n' "$dist"
