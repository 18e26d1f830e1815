#!/usr/bin/env bash
# Times cluster mode against files through the launcher, interleaved (A B A B), against a stand-in API server
# (bench/fake-apiserver.py, Python 3 with PyYAML) serving testdata/examples/. Prints one line per run and the
# medians, with the load average, so that runs on a shared machine can be compared as ratios.
# Usage: bench/bench-cluster.sh [ROUNDS] [GWCTL...]   (default: 5 rounds of ./gwctl)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
rounds=${1:-5}; shift || true
launchers=("$@"); [ ${#launchers[@]} -eq 0 ] && launchers=(./gwctl)
port=${BENCH_PORT:-18089}
python3 bench/fake-apiserver.py "$port" testdata/examples 2>/dev/null >/tmp/gwctl-bench-fake.out &
server=$!
trap 'kill $server 2>/dev/null' EXIT
for _ in $(seq 50); do grep -q ready /tmp/gwctl-bench-fake.out 2>/dev/null && break; sleep 0.1; done
kc=$(mktemp)
cat > "$kc" <<KC
apiVersion: v1
kind: Config
clusters: [{name: fake, cluster: {server: "http://127.0.0.1:$port"}}]
users: [{name: me, user: {token: bench}}]
contexts: [{name: fake, context: {cluster: fake, user: me, namespace: default}}]
current-context: fake
KC
for l in "${launchers[@]}"; do "$l" --version >/dev/null 2>&1; done   # build jars and CDS archives first
declare -A times
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for r in $(seq "$rounds"); do
  for l in "${launchers[@]}"; do
    for mode in files cluster; do
      if [ "$mode" = files ]; then args=(pc route -f testdata/examples); else args=(pc route --kubeconfig "$kc"); fi
      s=$(date +%s%N); "$l" "${args[@]}" >/dev/null 2>&1 || true; e=$(date +%s%N)
      ms=$(( (e - s) / 1000000 )); times["$l $mode"]+="$ms "
      echo "round $r $l $mode ${ms}ms"
    done
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
for k in "${!times[@]}"; do
  echo "median $k: $(echo ${times[$k]} | tr ' ' '\n' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')ms"
done | sort
rm -f "$kc"
