#!/usr/bin/env bash
# Times `--help` of the release archive's launcher (A: bin/gwctl, with its class-data-sharing archive) against the
# plain `java -jar lib/gwctl.jar` (B) and the checkout's launcher (C: ./gwctl), interleaved A B C A B C so that a
# shared machine's load falls on all three alike. Prints one line per run (wall and CPU time, user + sys, which a
# loaded machine distorts less) with the load average, then the medians.
# Needs the archive: mvn -B verify (or mvn -B -DskipTests package) first.
# Usage: bench/bench-release.sh [ROUNDS]   (default: 10)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
rounds=${1:-10}
archive=$(ls -t cli/target/gwctl-*.tar.gz 2>/dev/null | head -1)
[ -n "$archive" ] || { echo "bench-release: no cli/target/gwctl-*.tar.gz: run mvn -B verify first" >&2; exit 66; }
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
tar -xzf "$archive" -C "$dir"
prefix=$(echo "$dir"/gwctl-*)
export GWCTL_CACHE_DIR="$dir/cache"
names=(A B C)
commands=("$prefix/bin/gwctl --help" "java -jar $prefix/lib/gwctl.jar --help" "./gwctl --help")
for c in "${commands[@]}"; do $c >/dev/null 2>&1; done   # the CDS archives and the checkout's jar, built once
declare -A times cpus
TIMEFORMAT='%R %U %S'
echo "archive: $archive; uptime: $(uptime)"
for r in $(seq "$rounds"); do
  for i in 0 1 2; do
    read -r wall user sys < <({ time ${commands[$i]} >/dev/null 2>&1; } 2>&1)
    ms=$(awk -v w="$wall" 'BEGIN {printf "%d", w * 1000}'); cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN {printf "%d", (u + s) * 1000}')
    times[$i]+="$ms "; cpus[$i]+="$cpu "
    echo "round $r ${names[$i]} ${ms}ms wall ${cpu}ms cpu (load $(cut -d' ' -f1 /proc/loadavg))"
  done
done
echo "uptime after: $(uptime)"
median() { tr ' ' '\n' <<<"$1" | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
for i in 0 1 2; do
  echo "median ${names[$i]} (${commands[$i]/$prefix/gwctl-VERSION}): $(median "${times[$i]}")ms wall," \
    "$(median "${cpus[$i]}")ms cpu"
done
