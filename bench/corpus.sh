# Sourced by bench scripts: CORPUS=/tmp/gwctl-bench-$N/corpus, generated once with ../shared/bench/gen_corpus.py
# (GWCTL_SHARED_DIR overrides where ../shared is). Needs N and ROOT set; never writes into the repository.
GEN="${GWCTL_SHARED_DIR:-$ROOT/../shared}/bench/gen_corpus.py"
[ -f "$GEN" ] || { echo "bench: $GEN not found (set GWCTL_SHARED_DIR)" >&2; exit 66; }
CORPUS="/tmp/gwctl-bench-$N/corpus"
if [ ! -d "$CORPUS" ]; then
  mkdir -p "/tmp/gwctl-bench-$N"
  python3 "$GEN" "$N" "$CORPUS" >/dev/null
fi
