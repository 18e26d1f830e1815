#!/usr/bin/env bash
# Fuzzes one target for N minutes with Jazzer (issue 9, fuzzing):
#
#   bench/fuzz.sh TARGET MINUTES [--keep]      TARGET: loader | translate | config-dump
#
# Regression mode (the committed corpus testdata/fuzz/TARGET/, no fuzzing) runs in every `mvn verify`; this runs
# the same @FuzzTest with JAZZER_FUZZ=1. libFuzzer starts from the committed corpus (read only) and writes the new
# interesting inputs it finds to cli/.cifuzz-corpus/ (git-ignored), so the committed corpus never grows unless
# --keep is given: then the new inputs of at most 2 KB are copied into testdata/fuzz/TARGET/ (review and commit them
# yourself). A finding stops the run: Jazzer writes the failing input to
# cli/src/test/resources/io/gwctl/cli/CLASSInputs/METHOD/crash-* (git-ignored), where regression mode runs it too
# (`mvn -o -pl cli -am test -Dtest=CLASS`), and the test's message says which property broke; once fixed, move the
# input into testdata/fuzz/TARGET/ next to a test named after the defect. The last libFuzzer status line (executions, cov:, ft:, corp:, exec/s)
# is printed at the end; the full log is in cli/target/fuzz-TARGET.log. Nice it on a shared machine:
# `nice -n 10 bench/fuzz.sh loader 30`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

usage() {
  echo "usage: bench/fuzz.sh loader|translate|config-dump MINUTES [--keep]" >&2
  exit 64
}
[ $# -ge 2 ] || usage
target=$1
minutes=$2
keep=${3:-}
case "$target" in
  loader) class=LoaderFuzzTest method=loader ;;
  translate) class=TranslateFuzzTest method=translate ;;
  config-dump) class=ConfigDumpFuzzTest method=configDump ;;
  *) usage ;;
esac
[[ "$minutes" =~ ^[0-9]+$ ]] && [ "$minutes" -gt 0 ] || usage
[ -z "$keep" ] || [ "$keep" = --keep ] || usage

log=cli/target/fuzz-$target.log
generated=cli/.cifuzz-corpus/io.gwctl.cli.$class/$method
mkdir -p cli/target
count() { { find "$generated" -type f 2>/dev/null || true; } | wc -l; }
before=$(count)

# jazzer.internal.arg.N are libFuzzer's arguments (0 is argv[0]); later ones win over Jazzer's own, so
# -max_total_time replaces the annotation's maxDuration. The instrumented code: gwctl and the parsers under it.
set +e
JAZZER_FUZZ=1 mvn -B -ntp -q -o -pl cli -am test -Dtest="$class" -Dsurefire.failIfNoSpecifiedTests=false \
  -Djazzer.instrument='io.gwctl.**,org.yaml.snakeyaml.**,com.fasterxml.jackson.**' \
  -Djazzer.internal.arg.0=fuzz -Djazzer.internal.arg.1=-max_total_time=$((minutes * 60)) \
  -Djazzer.internal.arg.2=-print_final_stats=1 > "$log" 2>&1
rc=$?
set -e

after=$(count)
echo "== $target: $minutes min, exit $rc; log $log"
grep -E '^#[0-9]+' "$log" | tail -1 || true
grep -E '^(stat::number_of_executed_units|stat::average_exec_per_sec|Done [0-9]+ runs)' "$log" || true
echo "== generated corpus $generated: $before -> $after inputs"
if [ "$rc" -ne 0 ]; then
  grep -E 'FuzzTestFinding|AssertionError|Exception|crash-|timeout-' "$log" | grep -v '^INFO' | head -20 || true
  find cli -maxdepth 8 \( -name 'crash-*' -o -name 'timeout-*' \) 2>/dev/null || true
  exit "$rc"
fi
if [ "$keep" = --keep ]; then
  kept=0
  while IFS= read -r f; do
    cp -n "$f" "testdata/fuzz/$target/" && kept=$((kept + 1))
  done < <(find "$generated" -type f -size -2049c)
  echo "== kept $kept inputs in testdata/fuzz/$target/ ($(du -sh "testdata/fuzz/$target" | cut -f1)); review before committing"
fi
