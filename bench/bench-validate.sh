#!/usr/bin/env bash
# Benchmark of `gwctl validate` on the synthetic corpus of ../shared/bench/gen_corpus.py (never part of the unit
# tests). For each selector mode it generates the corpus once (cached in $BENCH_DIR), then times
#   1. io.gwctl.validators.BenchValidate: load, validate (wall and CPU), findings per code and, with PER_RULE=1,
#      each rule alone;
#   2. the CLI, `./gwctl validate -f DIR -o json`, whole process, when the launcher is there.
# Usage: bench/bench-validate.sh [N] [MODE...]      (defaults: 10000, modes shared and mixed)
# Environment: BENCH_DIR (default /tmp/gwctl-bench), SHARED (default ../shared next to the repository),
#              PER_RULE=1, JAVA_OPTS (default -XX:+UseSerialGC -Xmx512m).
# The machine drifts: compare numbers from one run, side by side (shared/bench/README.md).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
shared=${SHARED:-$root/../shared}
bench_dir=${BENCH_DIR:-/tmp/gwctl-bench}
n=${1:-10000}
shift || true
modes=("$@")
[ ${#modes[@]} -eq 0 ] && modes=(shared mixed)
java_opts=${JAVA_OPTS:--XX:+UseSerialGC -Xmx512m}

if [ ! -f "$shared/bench/gen_corpus.py" ]; then
  echo "bench-validate: $shared/bench/gen_corpus.py not found (set SHARED=...)" >&2
  exit 66
fi

echo "== building (offline, quiet): validators test classes and the CLI jar" >&2
(cd "$root" && mvn -q -B -o -pl validators -am test-compile >/dev/null)
if [ ! -f "$root/cli/target/gwctl.jar" ]; then
  (cd "$root" && mvn -q -B -o -pl cli -am package -DskipTests >/dev/null)
fi
cp="$root/cli/target/gwctl.jar:$root/validators/target/test-classes"

mkdir -p "$bench_dir"
for mode in "${modes[@]}"; do
  corpus="$bench_dir/$mode-$n"
  if [ ! -d "$corpus" ]; then
    echo "== generating $corpus" >&2
    python3 "$shared/bench/gen_corpus.py" "$n" "$corpus" --selector-mode "$mode" >/dev/null
  fi
  echo "== N=$n, --selector-mode $mode ($(du -sh "$corpus" | cut -f1), $(find "$corpus" -type f | wc -l) files)"
  per_rule=()
  [ "${PER_RULE:-0}" = 1 ] && per_rule=(--per-rule)
  # shellcheck disable=SC2086
  /usr/bin/time -f "   whole process: %e s wall, %U s user, %M KB max RSS" \
    java $java_opts -cp "$cp" io.gwctl.validators.BenchValidate "$corpus" "${per_rule[@]}"
  if [ -x "$root/gwctl" ]; then
    set +e
    /usr/bin/time -o "$bench_dir/time.txt" -f "%e s wall, %U s user, %M KB max RSS" \
      "$root/gwctl" validate -f "$corpus" -o json >/dev/null 2>"$bench_dir/$mode-$n.stderr"
    rc=$?
    set -e
    echo "   ./gwctl validate -f DIR -o json: $(tail -1 "$bench_dir/time.txt"), exit code $rc"
  fi
done
