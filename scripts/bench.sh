#!/usr/bin/env bash
# bench.sh — plan/apply/refresh/destroy of N tencentlive_room beside N terraform_data, with the
# real Terraform CLI against the emulator (documented rate limits, 20 ms latency per request).
#
# Usage:   scripts/bench.sh [-quick] [tencentlive-bench flags]    (make bench runs it after make build)
#          -quick              N = 100 only (about a minute)
#          -n 100,300,500,1000 resource counts       -p 10,50     parallelism values
#          -kinds room,data,noop,fast  what to measure (default room,data,noop)
#          -env K=V            extra env for the CLI and provider
#          see `go run ./cmd/tencentlive-bench -h` for the rest
# Output:  a markdown table on stdout and in .bench/results.md; logs of every step in .bench/logs/.
# Env:     TF_ACC_TERRAFORM_PATH  CLI to use (default: lib.sh ensure_cli picks or builds one)
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$repo"
args=("${@/#-quick/-n=100}")

terraform="${TF_ACC_TERRAFORM_PATH:-$(ensure_cli terraform)}"
# Cheap when make bench has just built: go's build cache makes this a no-op.
make -s build >&2
mkdir -p .bench
go build -o .bench/tencentlive-bench ./cmd/tencentlive-bench

# The command line the report quotes: make exports MAKELEVEL to the recipe it runs.
if [[ -n "${MAKELEVEL:-}" && $# -eq 0 ]]; then
	export BENCH_COMMAND="${BENCH_COMMAND:-make bench}"
else
	export BENCH_COMMAND="${BENCH_COMMAND:-scripts/bench.sh${*:+ $*}}"
fi
exec .bench/tencentlive-bench -work .bench -terraform "$terraform" \
	-provider bin/terraform-provider-tencentlive -emulator bin/tencentlive-emulator "${args[@]}"
