#!/usr/bin/env bash
# Times ManifestLoader on a generated corpus: bench/bench-load.sh [N] [repeat]
# The corpus goes to /tmp (never into the repository); JAVA_OPTS is passed to the JVM
# (e.g. JAVA_OPTS="-Xmx512m -XX:+UseSerialGC"); FLOOR=true also times the plain Jackson tree parse before
# each load (the parse floor of shared/bench/README.md). Compare side by side: the machine drifts.
set -euo pipefail
N="${1:-1000}"
REPEAT="${2:-3}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
. "$ROOT/bench/corpus.sh"
cd "$ROOT"
mvn -q -B -o -pl model test-compile
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
mvn -q -B -o -pl model dependency:build-classpath -Dmdep.outputFile="$WORK/cp" >/dev/null
# A copy of the classes, so that a build running meanwhile cannot change them under the JVM.
cp -r model/target/classes "$WORK/classes"
cp -r model/target/test-classes "$WORK/test-classes"
echo "corpus $CORPUS: $(find "$CORPUS" -type f | wc -l) files, $(du -sh "$CORPUS" | cut -f1)"
# shellcheck disable=SC2086
/usr/bin/time -f "process: %e s wall, %M KB max RSS" \
  java ${JAVA_OPTS:-} -Drepeat="$REPEAT" -Dfloor="${FLOOR:-false}" -cp "$WORK/classes:$WORK/test-classes:$(cat "$WORK/cp")" \
  io.gwctl.model.load.LoadBench "$CORPUS"
