#!/usr/bin/env bash
# End-to-end benchmark of the gwctl command line on the synthetic corpus of ../shared/bench/gen_corpus.py
# (a repository of N Gateways, 2N VirtualServices, N DestinationRules, N Services, gateway workloads, Secrets).
# Whole processes through the launcher, median of REPEAT runs, wall time and peak RSS from /usr/bin/time.
# Never part of the unit tests; the machine drifts, so compare numbers from one run only.
#
# Usage: bench/bench.sh [N...]            (default: 1000 10000)
# Environment: REPEAT (default 3), BENCH_DIR (default /tmp/gwctl-bench), SHARED (default ../shared),
#              MODE (gen_corpus --selector-mode, default mixed)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
shared=${SHARED:-$root/../shared}
bench_dir=${BENCH_DIR:-/tmp/gwctl-bench}
repeat=${REPEAT:-3}
mode=${MODE:-mixed}
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(1000 10000)

[ -f "$shared/bench/gen_corpus.py" ] || { echo "bench: $shared/bench/gen_corpus.py not found (set SHARED=...)" >&2; exit 66; }
"$root/gwctl" --version >/dev/null   # builds the jar and the CDS archive when needed

# median_of CMD...: runs CMD $repeat times; prints "median-seconds peak-MB".
median_of() {
  local runs=() mem=0 i out tf
  tf=$(mktemp)
  for ((i = 0; i < repeat; i++)); do
    /usr/bin/time -o "$tf" -f '%e %M' "$@" >/dev/null 2>&1 || true
    out=$(tail -1 "$tf")
    runs+=("${out% *}")
    [ "${out#* }" -gt "$mem" ] && mem=${out#* }
  done
  rm -f "$tf"
  printf '%s %d\n' "$(printf '%s\n' "${runs[@]}" | sort -n | sed -n "$(( (repeat + 1) / 2 ))p")" $((mem / 1024))
}

row() { # label, command...
  local label=$1; shift
  read -r secs mb < <(median_of "$@")
  printf '| %-44s | %7s s | %5s MB |\n' "$label" "$secs" "$mb"
}

echo "| run | median | peak RSS |"
echo "|---|---|---|"
row "pc route, examples (start-up, CDS archive)" "$root/gwctl" pc route -f "$root/testdata/examples/"
row "pc route, examples (no CDS archive)" env GWCTL_CDS=0 "$root/gwctl" pc route -f "$root/testdata/examples/"
row "validate, examples" "$root/gwctl" validate -f "$root/testdata/examples/"
for n in "${sizes[@]}"; do
  corpus="$bench_dir/$mode-$n"
  if [ ! -d "$corpus" ]; then
    mkdir -p "$bench_dir"
    python3 "$shared/bench/gen_corpus.py" "$n" "$corpus" --selector-mode "$mode" >/dev/null
  fi
  gw=deploy/istio-ingressgateway.istio-system
  row "N=$n validate -o json" "$root/gwctl" validate -f "$corpus" -o json
  row "N=$n pc route $gw" "$root/gwctl" pc route -f "$corpus" "$gw"
  row "N=$n pc listener $gw" "$root/gwctl" pc listener -f "$corpus" "$gw"
done
