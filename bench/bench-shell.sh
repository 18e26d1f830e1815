#!/usr/bin/env bash
# Cold commands against the same commands in one gwctl shell session: bench/bench-shell.sh [N] [rounds]
# Each round runs A (a cold `gwctl pc route -f CORPUS`, wall time) then B (`gwctl shell --timing -f CORPUS` with
# `pc route` three times, `pc listener`, `validate`; the per-command times of --timing), A B A B, with the load
# average: the machine is shared, compare within a round. The corpus goes to /tmp, never into the repository.
set -euo pipefail
N="${1:-10000}"
ROUNDS="${2:-2}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
. "$ROOT/bench/corpus.sh"
cd "$ROOT"
./gwctl --version >/dev/null
for round in $(seq "$ROUNDS"); do
  echo "round $round, load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  start=$(date +%s%N)
  ./gwctl pc route -f "$CORPUS" >/dev/null 2>&1 || true
  echo "  A cold pc route: $(( ($(date +%s%N) - start) / 1000000 )) ms wall"
  start=$(date +%s%N)
  printf 'pc route\npc route\npc route\npc listener\nvalidate\n' \
    | { ./gwctl shell --timing -f "$CORPUS" 2>&1 >/dev/null || true; } | grep -E '^gwctl: [a-z ]+: [0-9]+ ms$' \
    | sed 's/^gwctl: /  B /'
  echo "  B session: $(( ($(date +%s%N) - start) / 1000000 )) ms wall"
done
