#!/usr/bin/env bash
# Scaling benchmark (issue 12): t(N=10,000)/t(N=1,000) for validate -o json, pc route and pc listener, from medians
# of interleaved runs; exits 1 when a ratio passes LIMIT (default 3.5). This is the benchmark job, not a unit test:
# run it on a quiet machine (it prints the load average) and never inside `mvn verify`.
# With BASELINE=/path/to/other/checkout, every run of this checkout is paired with the same run of the baseline
# (A B A B ...), and the table also shows this/baseline ratios.
#
# Usage: bench/bench-scaling.sh [SMALL LARGE]     (default: 1000 10000)
# Environment: REPEAT (default 5), LIMIT (default 3.5), BASELINE (a checkout with its own ./gwctl), GWCTL_SHARED_DIR,
# GWCTL_JIT (default full here): the launcher runs inputs up to 100 MB (validate: 150 MB) with C1 alone and larger
# ones with C2, so without it the two sizes could run different compilers and the ratio would measure that choice,
# not how the work grows with the input.
set -euo pipefail
export GWCTL_JIT=${GWCTL_JIT:-full}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
small=${1:-1000}
large=${2:-10000}
repeat=${REPEAT:-5}
limit=${LIMIT:-3.5}
baseline=${BASELINE:-}

declare -A corpus
for N in "$small" "$large"; do
  # shellcheck source=bench/corpus.sh
  . "$ROOT/bench/corpus.sh"
  corpus[$N]=$CORPUS
done
"$ROOT/gwctl" --version >/dev/null
[ -z "$baseline" ] || "$baseline/gwctl" --version >/dev/null

gw=deploy/istio-ingressgateway.istio-system
cmds=("validate -o json" "pc route $gw" "pc listener $gw")
tf=$(mktemp)
trap 'rm -f "$tf"' EXIT

# one BIN N CMD: wall seconds of one run (exit codes 0 and 79 are both results).
one() {
  local bin=$1 n=$2 rc=0
  shift 2
  # shellcheck disable=SC2086
  /usr/bin/time -o "$tf" -f '%e' "$bin/gwctl" $1 -f "${corpus[$n]}" >/dev/null 2>&1 || rc=$?
  [ "$rc" -eq 0 ] || [ "$rc" -eq 79 ] || { echo "bench: $bin/gwctl $1 -f ${corpus[$n]} exited $rc" >&2; exit 1; }
  tail -1 "$tf"
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", (b > 0 ? a / b : 0)}'; }

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; REPEAT=$repeat"
echo
if [ -n "$baseline" ]; then
  echo "| run | N=$small | N=$large | ratio | baseline N=$small | baseline N=$large | baseline ratio | this/baseline at N=$large |"
  echo "|---|---|---|---|---|---|---|---|"
else
  echo "| run | N=$small | N=$large | ratio |"
  echo "|---|---|---|---|"
fi
failed=0
for c in "${cmds[@]}"; do
  declare -A runs=()
  for ((i = 0; i < repeat; i++)); do
    for n in "$small" "$large"; do
      runs[this-$n]+="$(one "$ROOT" "$n" "$c") "
      [ -z "$baseline" ] || runs[base-$n]+="$(one "$baseline" "$n" "$c") "
    done
  done
  ts=$(tr ' ' '\n' <<<"${runs[this-$small]}" | grep . | median)
  tl=$(tr ' ' '\n' <<<"${runs[this-$large]}" | grep . | median)
  r=$(ratio "$tl" "$ts")
  if [ -n "$baseline" ]; then
    bs=$(tr ' ' '\n' <<<"${runs[base-$small]}" | grep . | median)
    bl=$(tr ' ' '\n' <<<"${runs[base-$large]}" | grep . | median)
    echo "| ${c%% deploy*} | $ts s | $tl s | $r | $bs s | $bl s | $(ratio "$bl" "$bs") | $(ratio "$tl" "$bl") |"
  else
    echo "| ${c%% deploy*} | $ts s | $tl s | $r |"
  fi
  if awk -v r="$r" -v l="$limit" 'BEGIN {exit !(r > l)}'; then
    failed=1
  fi
done
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "$failed" -ne 0 ]; then
  echo "bench-scaling: a ratio t(N=$large)/t(N=$small) is above $limit" >&2
  exit 1
fi
