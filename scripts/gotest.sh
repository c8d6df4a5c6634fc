#!/usr/bin/env bash
# gotest.sh [go test args...] — `go test` with output a person can follow (go_test in lib.sh): one
# line per package as it finishes, a still-running line every 30 s, failures in full.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$repo"
go_test "$@"
