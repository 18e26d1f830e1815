#!/usr/bin/env bash
# Memory benchmark (issue 12, "Memory"): does each run complete within a heap limit (default -Xmx512m), and at what
# cost? For every N, runs `validate -o json`, `pc route` and `pc listener` through the launcher (so with its own JVM
# choices) with GWCTL_JAVA_OPTS=-Xmx..., and prints wall, user and system CPU, peak RSS, the exit code and whether
# the heap ran out.
# Optionally (LIVE=1) also the live heap after loading: a class histogram of a loaded snapshot, which is what each
# resource costs before the checks run. This is a benchmark, not a unit test: N=100,000 takes minutes, run it on a
# quiet machine (the load average is printed) and never inside `mvn verify`.
#
# Usage: bench/bench-memory.sh [N...]        (default: 30000 100000; corpora in /tmp/gwctl-bench-N/corpus)
# Environment: XMX (default 512m), GWCTL_SHARED_DIR, LIVE=1 (live heap after loading, needs a JDK's jcmd),
#              BASELINE=/path/to/other/checkout (each run is paired with the same run of that checkout, A B)
# Exit status: 1 when some run ran out of memory.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
xmx=${XMX:-512m}
baseline=${BASELINE:-}
sizes=("$@")
[ ${#sizes[@]} -eq 0 ] && sizes=(30000 100000)

"$ROOT/gwctl" --version >/dev/null
[ -z "$baseline" ] || "$baseline/gwctl" --version >/dev/null
gw=deploy/istio-ingressgateway.istio-system
tf=$(mktemp)
err=$(mktemp)
trap 'rm -f "$tf" "$err"' EXIT
failed=0

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores, heap limit -Xmx$xmx"
echo "| checkout | run | wall | user CPU | sys CPU | peak RSS | exit | heap |"
echo "|---|---|---|---|---|---|---|---|"
# run LABEL CHECKOUT ARGS...: one run of CHECKOUT/gwctl ARGS with the heap limit.
run() {
  local label=$1 checkout=$2 rc=0 heap=ok
  shift 2
  GWCTL_JAVA_OPTS="-Xmx$xmx ${GWCTL_JAVA_OPTS:-}" /usr/bin/time -o "$tf" -f '%e %U %S %M' \
      "$checkout/gwctl" "$@" >/dev/null 2>"$err" || rc=$?
  if grep -q 'out of memory' "$err"; then
    heap="OUT OF MEMORY"
    failed=1
  fi
  read -r wall user sys rss < <(tail -1 "$tf")
  printf '| %s | %s | %s s | %s s | %s s | %d MB | %s | %s |\n' "$(basename "$checkout")" "$label" "$wall" "$user" \
      "$sys" $((rss / 1024)) "$rc" "$heap"
}

for N in "${sizes[@]}"; do
  # shellcheck source=bench/corpus.sh
  . "$ROOT/bench/corpus.sh"
  for cmd in "validate -o json" "pc route $gw" "pc listener $gw"; do
    # shellcheck disable=SC2086
    run "N=$N $cmd" "$ROOT" $cmd -f "$CORPUS"
    # shellcheck disable=SC2086
    [ -z "$baseline" ] || run "N=$N $cmd" "$baseline" $cmd -f "$CORPUS"
  done
  if [ "${LIVE:-0}" = 1 ]; then
    # The live heap once the snapshot is loaded: the loader in the shaded jar, a full GC, then a histogram's total.
    jar="$ROOT/cli/target/gwctl.jar"
    work=$(mktemp -d)
    cat > "$work/LiveHeap.java" <<'EOF'
import io.gwctl.model.load.LoadOptions;
import io.gwctl.model.load.ManifestLoader;
import java.util.List;

public class LiveHeap {
    public static void main(String[] args) throws Exception {
        var result = new ManifestLoader(LoadOptions.defaults()).load(List.of(args[0]));
        Process p = new ProcessBuilder("jcmd", Long.toString(ProcessHandle.current().pid()), "GC.class_histogram")
                .redirectErrorStream(true).start();
        String[] lines = new String(p.getInputStream().readAllBytes()).split("\n");
        System.out.println(result.snapshot().size() + " resources; histogram " + lines[lines.length - 1].trim());
    }
}
EOF
    javac -d "$work" -cp "$jar" "$work/LiveHeap.java"
    echo "N=$N live heap after loading: $(java -XX:+UseSerialGC "-Xmx$xmx" -cp "$jar:$work" LiveHeap "$CORPUS")"
    rm -rf "$work"
  fi
done
exit $failed
