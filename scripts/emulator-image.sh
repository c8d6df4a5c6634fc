#!/usr/bin/env bash
# emulator-image.sh [TAG] — make image: builds the emulator's image (cmd/tencentlive-emulator/Dockerfile,
# the one the release publishes) from this tree and prints its tag, the only line on stdout
# (default localhost/tencentlive-emulator:dev). The binary is built static (CGO_ENABLED=0) for
# linux on this machine's architecture and staged as goreleaser's dockers_v2 stages it
# (<os>/<arch>/ in the build context). Uses podman (--format docker: the OCI format would drop
# HEALTHCHECK), else docker. Env: CONTAINER_CLI=podman|docker.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$repo"
tag="${1:-localhost/tencentlive-emulator:dev}"
cli="${CONTAINER_CLI:-}"
if [[ -z "$cli" ]]; then
	if command -v podman >/dev/null; then cli=podman
	elif command -v docker >/dev/null; then cli=docker
	else fail "no container runtime: install podman (apt-get install podman runc) or docker"; fi
fi
arch="$(go env GOARCH)"
context="$repo/bin/image-context"
rm -rf "$context" && mkdir -p "$context/linux/$arch"
CGO_ENABLED=0 GOOS=linux GOARCH="$arch" go build -trimpath -ldflags "-s -w -X main.version=${VERSION:-$(release_const Version)}" \
	-o "$context/linux/$arch/tencentlive-emulator" ./cmd/tencentlive-emulator
format=()
[[ "$cli" != podman ]] || format=(--format docker)
log "building $tag with $cli"
"$cli" build "${format[@]}" --platform "linux/$arch" --build-arg "TARGETPLATFORM=linux/$arch" \
	-f cmd/tencentlive-emulator/Dockerfile -t "$tag" "$context" >&2
printf '%s\n' "$tag"
