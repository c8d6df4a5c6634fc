#!/usr/bin/env bash
# bench.sh — plan/apply/refresh/destroy of N tencentlive_room beside N terraform_data, with the
# real Terraform CLI against the emulator (documented rate limits, 20 ms latency per request);
# then terraform query and the plan of its generated configuration, three workspaces applying at
# once, and the gift catalogue.
#
# Usage:   scripts/bench.sh [-quick] [tencentlive-bench flags]    (make bench runs it after make build)
#          -quick              N = 100 everywhere, no gift catalogue (a few minutes)
#          -n 100,300,500,1000 resource counts ("none": no such rows)   -p 10,50  parallelism values
#          -kinds room,data,noop,fast  what to measure (default room,data,noop)
#          -query-n 1000 -import-n 300 -concurrent-n 300   the scenarios' rooms (0: skip one)
#          -gifts=false        skip the gift catalogue (about two minutes)
#          -terraform PATH     the CLI (default: $TF_ACC_TERRAFORM_PATH, else lib.sh ensure_cli)
#          -env K=V            extra env for the CLI and provider
#          see `go run ./cmd/tencentlive-bench -h` for the rest
# Output:  markdown tables on stdout and in .bench/results.md; logs of every step in .bench/logs/.
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$repo"
given="$*" # for the report, before the loop consumes them
args=()
terraform="${TF_ACC_TERRAFORM_PATH:-}"
while (($#)); do
	case "$1" in
	-quick) args+=(-n=100 -query-n=100 -import-n=100 -concurrent-n=100 -gifts=false) ;;
	-terraform=*) terraform="${1#-terraform=}" ;;
	-terraform) terraform="$2" && shift ;;
	*) args+=("$1") ;;
	esac
	shift
done
[[ -n "$terraform" ]] || terraform="$(ensure_cli terraform)"
# Cheap when make bench has just built: go's build cache makes this a no-op.
make -s build >&2
mkdir -p .bench
go build -o .bench/tencentlive-bench ./cmd/tencentlive-bench

# The command line the report quotes: make exports MAKELEVEL to the recipe it runs.
if [[ -n "${MAKELEVEL:-}" && -z "$given" ]]; then
	export BENCH_COMMAND="${BENCH_COMMAND:-make bench}"
else
	export BENCH_COMMAND="${BENCH_COMMAND:-scripts/bench.sh${given:+ $given}}"
fi
exec .bench/tencentlive-bench -work .bench -terraform "$terraform" \
	-provider bin/terraform-provider-tencentlive -emulator bin/tencentlive-emulator "${args[@]}"
