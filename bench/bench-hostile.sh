#!/usr/bin/env bash
# Times the loader on inputs built to be slow (issue 9, item 3): one long scalar of 1, 4 and 16 MB (plain and
# quoted) and lists of 50,000 and 200,000 items. Linear cost shows as a flat "per MB" / "per 1,000 items" column.
# bench/bench-hostile.sh [repeat]; JAVA_OPTS is passed to the JVM.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
mvn -q -B -o -pl model test-compile
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
mvn -q -B -o -pl model dependency:build-classpath -Dmdep.outputFile="$WORK/cp" >/dev/null
cp -r model/target/classes "$WORK/classes"
cp -r model/target/test-classes "$WORK/test-classes"
echo "$(uptime)"
# shellcheck disable=SC2086
java ${JAVA_OPTS:--Xmx2g} -Drepeat="${1:-2}" -cp "$WORK/classes:$WORK/test-classes:$(cat "$WORK/cp")" \
  io.gwctl.model.load.HostileBench
