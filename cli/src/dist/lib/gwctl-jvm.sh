# JVM choices shared by gwctl's two launchers (the checkout's ./gwctl and the release archive's bin/gwctl), in POSIX
# sh so that both can source it. Nothing here starts a JVM except to build a class archive once.
#
#   gwctl_jit ARGS...      sets GWCTL_JIT_OPT: C1 only, with one compiler thread, when the run reads little, else empty;
#                          GWCTL_GC_OPT: the collector (and default heap) for the size of the input, and
#                          -Dgwctl.heap-watch=false for small -f inputs (see below); GWCTL_PAGE_OPT: transparent
#                          huge pages for the heap when the kernel gives them on request, else empty; and
#                          GWCTL_ARCHIVE_KIND: "files" for a run that reads files or nothing, else empty (see
#                          gwctl_archive)
#   gwctl_java_major JAVA  prints the major version of the JDK that binary belongs to, from its release file
#   gwctl_jvm_key JAVA     prints the key of that JDK's class archives: its path and its release file, not a run of it
#   gwctl_jvm JAVA CACHE RESOLVE
#                          sets GWCTL_JAVA_REAL (JAVA's real path, found with the command RESOLVE) and GWCTL_JVM_KEY
#                          (gwctl_jvm_key of it), remembered in CACHE/jvm-key and checked there with builtins only
#   gwctl_archive CACHE NAME OLD JAR JAVA EXAMPLES [KIND]
#                          sets GWCTL_ARCHIVE_OPT to the option that uses the class archive CACHE/NAME.{jsa,aot}
#                          (KIND files: CACHE/NAME.files.{jsa,aot}, trained on file runs only), building it first
#                          when missing or truncated (empty when none can be had); the JVM shares classes in its
#                          default -Xshare:auto mode, which AOTCache requires (no -Xshare)

# C1 alone: on inputs up to about 100 MB a run is over before C2's compilations pay for themselves; past that C2's
# code wins. Measured on the benchmark corpus (validate -o json, 2026-12-02, stop 19): 12 MB 2.3 s with C1 against
# 3.3 s with full tiering, 56 MB 6.0 s against 7.9 s, 111 MB a tie (10.7 s), 332 MB 40.0 s against 33.0 s; the
# examples 0.62x. gwctl sees the sizes of its -f paths, so it picks C1 when they add up to at most GWCTL_C1_LIMIT_KB
# (default 102400) and when nothing is read from files at all (help, version, completion, a cluster), and full tiering
# for standard input (size unknown), the interactive shell (long running) and anything larger. `validate` gets one and
# a half times the limit (150 MB by default): its fifty rules are much code that runs a little each, which C1 compiles
# cheaply and C2 at length (stop 21, validate -o json with equals and hashCode of the hot records written out: 111 MB
# 6.9 s with C1 against 7.7 s, 166 MB a tie at 9.8 s, 332 MB 25.3 s against 21.3 s), where pc route, mostly parsing
# and translation, already lost with C1 at 111 MB (5.8 s against 5.4 s). GWCTL_JIT=c1|full overrides the choice. With C1 alone one compiler thread (-XX:CICompilerCount=1) leaves the second core to gwctl's
# own threads: the examples 0.90x the time, 12 MB and 56 MB unchanged. C1 compiles at under a third of the usual
# invocation and loop counts (-XX:CompileThresholdScaling=0.3): its code is cheap to make and much faster than the
# interpreter's (stop 22, interleaved pairs: 0.5 against the default, validate -o json 111 MB 0.94x in five pairs and
# 0.97x in five more, 12 MB 0.98x, pc route under C1 0.94x at 12 MB and 0.95x at 111 MB, the examples a tie; 0.3
# against 0.5, validate 111 MB 0.97x and 0.99x in two sets of five (0.2: no different), 12 MB a tie, pc route 12 MB
# 0.97x, the examples a tie. With full tiering C2 then compiles more and pc route at 111 MB took 1.10x, so full
# tiering keeps the default).
#
# The collector (GWCTL_GC_OPT): the serial collector (the fastest start) up to GWCTL_G1_LIMIT_KB of input (default
# 204800, 200 MB), G1 above; standard input (size unknown) keeps the serial collector. GWCTL_GC=parallel takes the
# parallel collector instead, with its adaptive sizing (stop 27, README): its pauses use both cores (at N=10,000
# 0.27 s against 0.69 s; validate 0.94-1.02x the time, pc route 0.97x, 3-4% more CPU, and 377 MB resident against
# 311 MB). It is not the default: with adaptive sizing off (the same memory as the serial collector) the heap never
# grew past its initial size, and where that is small (-Xms32m, the default on a 2 GB machine) a 10,000-Gateway
# validate ran an hour of back-to-back full collections in 136 MB (tried); with it on, the memory is higher and
# the gain within the machine's noise in the benchmark table's rounds.
# The serial collector's old generation is a fixed part of the heap (two thirds before stop 28: with -Xmx512m a
# 30,000-Gateway validate ran out of memory with 403 MB live); G1's regions have no fixed split. Runs over 200 MB
# also get a larger default heap, half of the memory (-XX:MaxRAMPercentage=50) instead of the JVM's quarter: on the
# 24 GB benchmark machine 30,000 and 100,000 Gateways complete without GWCTL_JAVA_OPTS (G1 grows into the room it
# has: 4.4 and 9.1 GB max RSS; what a smaller machine needs was not measured). An -Xmx in GWCTL_JAVA_OPTS still
# wins. GWCTL_GC=serial|parallel|g1 overrides the choice. The serial and parallel collectors promote what survives
# one young collection (-XX:MaxTenuringThreshold=0): what survives is the model being loaded, which lives to the
# end, and copying it between survivor spaces up to fifteen times was half the collector's time (stop 21, N=10,000
# with -Xmx512m: pauses 1.63 s in all against 0.76 s; validate 0.94x the time, pc route 0.94x, N=1,000 0.97x).
# The serial collector's young generation is a fifth of the heap (-XX:NewRatio=4; the JVM's default is a third):
# what a young collection finds alive is the model, promoted at once, so a larger young generation only spreads
# the allocations over more memory (stop 28, interleaved pairs with -Xmx512m: validate at N=10,000 0.986x the time
# and 279 MB resident against 319 MB, pc route 0.991x and 233 MB against 270 MB, N=1,000 0.986x and 135 MB against
# 172 MB; the examples 0.994x). The old generation is four fifths of the heap instead of two thirds.
#
# The heap watch (gwctl's Main: a run that outgrows its heap ends in one line instead of minutes of full collections)
# starts the JVM's management beans, about 60 ms of a 0.6 s validate of a few files. -f paths of at most 4 MB cannot
# fill a heap, so for them GWCTL_GC_OPT also carries -Dgwctl.heap-watch=false; standard input, a cluster, the shell
# and larger paths keep it.
#
# Huge pages (GWCTL_PAGE_OPT): where the kernel makes transparent huge pages on request (its setting is "madvise", the
# default of many distributions), -XX:+UseTransparentHugePages asks for them for the heap. A quarter of the young
# collector's time at N=10,000 was the kernel zeroing the 4 KB pages the old generation was promoted into, one fault
# each (stop 25: validate -o json N=10,000 0.93x the time, the examples 0.94x, --help 0.95x, in interleaved rounds).
# Where the setting is "always" the heap gets them without asking, and where it is "never" the option would only
# print a warning, so it is passed only for "madvise". The setting is read with the shell's own read (no process);
# GWCTL_THP_FILE names another file to read it from (tests). -XX:-UseTransparentHugePages in GWCTL_JAVA_OPTS wins.
gwctl_jit() {
  GWCTL_PAGE_OPT=
  gwctl__thp=
  gwctl__thp_file=${GWCTL_THP_FILE:-/sys/kernel/mm/transparent_hugepage/enabled}
  if [ -r "$gwctl__thp_file" ]; then
    read -r gwctl__thp < "$gwctl__thp_file" || true
  fi
  case $gwctl__thp in
    *"[madvise]"*) GWCTL_PAGE_OPT=-XX:+UseTransparentHugePages ;;
  esac
  GWCTL_JIT_OPT="-XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:CompileThresholdScaling=0.3"
  GWCTL_GC_OPT="-XX:+UseSerialGC -XX:MaxTenuringThreshold=0 -XX:NewRatio=4"
  gwctl__inputs "$@"
  # The archive of file runs (gwctl_archive) for a run that names files and no cluster, or that reads nothing (no
  # command, help, version, a completion script, validate's rule list and rule pages); the whole archive for the rest
  # (a cluster, the shell). Only a question of start-up time: either archive runs everything.
  GWCTL_ARCHIVE_KIND=
  case ${1:-} in
    ''|help|version|completion) GWCTL_ARCHIVE_KIND=files ;;
    shell) ;;
    *) [ "$gwctl__files" = 0 ] || GWCTL_ARCHIVE_KIND=files ;;
  esac
  for gwctl__a in "$@"; do
    case $gwctl__a in
      --) break ;;
      -h|--help|-V|--version|--list-rules|--explain|--explain=*) GWCTL_ARCHIVE_KIND=files; break ;;
      --with-cluster|--with-cluster=*) GWCTL_ARCHIVE_KIND= ;;
    esac
  done
  case ${GWCTL_JIT:-auto} in
    c1) ;;
    full) GWCTL_JIT_OPT= ;;
    *) gwctl__c1_kb=${GWCTL_C1_LIMIT_KB:-102400}
       if [ "${1:-}" = validate ]; then
         gwctl__c1_kb=$((gwctl__c1_kb * 3 / 2))
       fi
       if [ "${1:-}" = shell ] || [ -z "$gwctl__kb" ] || [ "$gwctl__kb" -gt "$gwctl__c1_kb" ]; then
         GWCTL_JIT_OPT=
       fi ;;
  esac
  case ${GWCTL_GC:-auto} in
    serial) ;;
    parallel) GWCTL_GC_OPT="-XX:+UseParallelGC -XX:MaxTenuringThreshold=0" ;;
    g1) GWCTL_GC_OPT="-XX:+UseG1GC -XX:MaxRAMPercentage=50" ;;
    *) if [ -n "$gwctl__kb" ] && [ "$gwctl__kb" -gt "${GWCTL_G1_LIMIT_KB:-204800}" ]; then
         GWCTL_GC_OPT="-XX:+UseG1GC -XX:MaxRAMPercentage=50"
       fi ;;
  esac
  if [ "${1:-}" != shell ] && [ -n "$gwctl__kb" ] && [ "$gwctl__kb" -gt 0 ] \
      && [ "$gwctl__kb" -le 4096 ]; then
    GWCTL_GC_OPT="$GWCTL_GC_OPT -Dgwctl.heap-watch=false"
  fi
  return 0
}

# Sets gwctl__kb to the size in KB of the paths ARGS read (-f, --filename, --config-dump; diff's positional paths),
# or to the empty string when it is unknown (standard input, an unreadable path); gwctl__files to 1 when ARGS name any
# such path (standard input too), else 0.
gwctl__inputs() {
  gwctl__kb=0
  gwctl__next=0
  gwctl__files=0
  if [ "${1:-}" = diff ]; then
    gwctl__files=1
    # gwctl diff BASE HEAD [WORKLOAD]: the paths are positional; a word that is no path (the workload) is skipped.
    shift
    for gwctl__a in "$@"; do
      case $gwctl__a in
        -) gwctl__kb=; return 0 ;;
        -*) ;;
        *) if [ -e "$gwctl__a" ]; then gwctl__read "$gwctl__a" || return 0; fi ;;
      esac
    done
    return 0
  fi
  for gwctl__a in "$@"; do
    if [ "$gwctl__next" = 1 ]; then
      gwctl__next=0
      gwctl__read "$gwctl__a" || return 0
      continue
    fi
    case $gwctl__a in
      --) break ;;
      -f|--filename|--config-dump) gwctl__next=1 gwctl__files=1 ;;
      --filename=*|--config-dump=*) gwctl__files=1; gwctl__read "${gwctl__a#*=}" || return 0 ;;
      -f=*) gwctl__files=1; gwctl__read "${gwctl__a#-f=}" || return 0 ;;
      -f?*) gwctl__files=1; gwctl__read "${gwctl__a#-f}" || return 0 ;;
    esac
  done
  return 0
}

# Adds PATH's size to gwctl__kb; fails and empties it when the size is unknown (stdin, unreadable). One du, no cut:
# every process a launcher starts is a millisecond or two of each run (stop 22).
gwctl__read() {
  if [ "$1" = - ]; then
    gwctl__kb=
    return 1
  fi
  # du's status is ignored as the pipe into cut used to: a directory with an unreadable file still has a size.
  gwctl__size_kb=$(du -skL -- "$1" 2>/dev/null) || true
  gwctl__size_kb=${gwctl__size_kb%%[!0-9]*}
  if [ -z "$gwctl__size_kb" ]; then
    gwctl__kb=
    return 1
  fi
  gwctl__kb=$((gwctl__kb + gwctl__size_kb))
  return 0
}

gwctl_java_major() {
  gwctl__major "$1"
  echo "$gwctl__v"
}

# Sets gwctl__v to what gwctl_java_major prints, reading the release file with the shell's own read (no sed, no
# dirname: the launchers call this on every run).
gwctl__major() {
  gwctl__v=
  gwctl__home=${1%/*}
  gwctl__home=${gwctl__home%/*}
  if [ -r "$gwctl__home/release" ]; then
    while IFS= read -r gwctl__line || [ -n "$gwctl__line" ]; do
      case $gwctl__line in
        JAVA_VERSION=*)
          gwctl__v=${gwctl__line#JAVA_VERSION=}
          gwctl__v=${gwctl__v#\"}
          gwctl__v=${gwctl__v%%[!0-9.]*}
          break ;;
      esac
    done < "$gwctl__home/release"
  fi
  case $gwctl__v in
    1.*) gwctl__v=${gwctl__v#1.} ;;
  esac
  gwctl__v=${gwctl__v%%.*}
  gwctl__v=${gwctl__v:-0}
}

# A checksum of the JDK that JAVA (the real path of its bin/java) belongs to: that path and the JDK's release file
# (vendor, version and build: a JDK updated in place rewrites it). Starts no JVM: a `java -version` on every call cost
# as much as the rest of a --help; and only two processes (cat and cksum; the binary's size and time, a stat more,
# were dropped in stop 22 with the other per-run processes). A JDK changed in a way this misses only makes the JVM
# refuse the archive (it checks its own build), never a wrong run.
gwctl_jvm_key() {
  gwctl__home=${1%/*}
  gwctl__home=${gwctl__home%/*}
  gwctl__sum=$({ printf '%s\n' "$1"; cat "$gwctl__home/release" 2>/dev/null; } | cksum)
  echo "${gwctl__sum%% *}"
}

# gwctl_jvm JAVA CACHE RESOLVE: the real path of JAVA (the java command found on the PATH, often a chain of links such
# as /usr/bin/java -> /etc/alternatives/java -> the JDK's) and its archive key, remembered in CACHE/jvm-key. Finding
# them takes processes (RESOLVE, e.g. readlink -f; cat and cksum), five of the dozen a launcher started on every run,
# each some milliseconds on a slow machine (stop 25: the checkout's launcher took 60-90 ms before its JVM started, a
# JVM hello world 100 ms). A remembered answer is used while builtins confirm it: JAVA is still the same file as the
# real path remembered (-ef, through any link), and the memo is newer than the JDK's release file (-nt: a JDK updated
# in place rewrites it). An answer that is wrong anyway only names an archive the JVM refuses, never a wrong run.
gwctl_jvm() {
  gwctl__java=$1 gwctl__memo=$2/jvm-key gwctl__resolve=$3
  gwctl__m_java= gwctl__m_real= gwctl__m_key=
  if [ -r "$gwctl__memo" ]; then
    { read -r gwctl__m_java && read -r gwctl__m_real && read -r gwctl__m_key; } < "$gwctl__memo" || true
  fi
  gwctl__m_home=${gwctl__m_real%/*}
  gwctl__m_home=${gwctl__m_home%/*}
  if [ -n "$gwctl__m_key" ] && [ "$gwctl__m_java" = "$gwctl__java" ] && [ "$gwctl__java" -ef "$gwctl__m_real" ] \
      && [ "$gwctl__memo" -nt "$gwctl__m_home/release" ]; then
    GWCTL_JAVA_REAL=$gwctl__m_real
    GWCTL_JVM_KEY=$gwctl__m_key
    return 0
  fi
  GWCTL_JAVA_REAL=$($gwctl__resolve "$gwctl__java" 2>/dev/null) || GWCTL_JAVA_REAL=
  [ -n "$GWCTL_JAVA_REAL" ] || GWCTL_JAVA_REAL=$gwctl__java
  GWCTL_JVM_KEY=$(gwctl_jvm_key "$GWCTL_JAVA_REAL")
  if mkdir -p "$2" 2>/dev/null; then
    printf '%s\n%s\n%s\n' "$gwctl__java" "$GWCTL_JAVA_REAL" "$GWCTL_JVM_KEY" > "$gwctl__memo.$$" 2>/dev/null \
        && mv -f "$gwctl__memo.$$" "$gwctl__memo" 2>/dev/null || rm -f "$gwctl__memo.$$" 2>/dev/null || true
  fi
  return 0
}

# Size of a file in bytes, GNU stat or BSD stat.
gwctl__size() {
  stat -c %s "$1" 2>/dev/null || stat -f %z "$1" 2>/dev/null || echo none
}

# On JDK 25 and later an AOT cache (JEP 483/514: classes loaded and linked, with profiles; 0.65x the CPU time of a
# small validate against no archive), on older JDKs a static CDS archive from a class list. Both are trained by
# CdsTraining on EXAMPLES (validate, proxy-config, a loopback stand-in API server), written under a temporary name and
# renamed with their size recorded beside them, so that an interrupted or truncated archive (a killed first run, a
# partial cache restore) is rebuilt instead of crashing the JVM. OLD names the archives this one replaces (a glob in
# CACHE, e.g. the same JVM's archives of earlier jars).
#
# KIND "files" (GWCTL_ARCHIVE_KIND of gwctl_jit) names a second archive, NAME.files.EXT, trained on the file runs only
# (help, version, completion, validate, proxy-config), for the runs that read files or nothing; the other runs (a
# cluster's) use NAME.EXT, trained on both. The cluster client's classes are a third of the whole archive (31 MB
# against 20 MB), and the JVM relocates all of an archive at start-up, page by page (JDK 17 maps it at a random
# address): a file run took 0.91x the time with the smaller one (stop 26, validate -f testdata/examples/, 0.27 s
# against 0.295 s, medians of 8 interleaved runs). Each archive is trained the first time a run needs it. OLD globs
# never remove this NAME's own archives (NAME.*), whichever kind is being built.
gwctl_archive() {
  gwctl__cache=$1 gwctl__name=$2 gwctl__old=$3 gwctl__jar=$4 gwctl__java=$5 gwctl__examples=$6 gwctl__kind=${7:-}
  GWCTL_ARCHIVE_OPT=
  gwctl__major "$gwctl__java"
  if [ "$gwctl__v" -ge 25 ] 2>/dev/null; then
    gwctl__ext=aot
  else
    gwctl__ext=jsa
  fi
  gwctl__base=$gwctl__name
  [ "$gwctl__kind" != files ] || gwctl__base=$gwctl__name.files
  gwctl__file=$gwctl__cache/$gwctl__base.$gwctl__ext
  gwctl__want=
  [ ! -r "$gwctl__file.size" ] || read -r gwctl__want < "$gwctl__file.size" || true
  if [ -f "$gwctl__file" ] && [ "$(gwctl__size "$gwctl__file")" != "$gwctl__want" ]; then
    rm -f "$gwctl__file" "$gwctl__file.size" 2>/dev/null || true
  fi
  if [ ! -f "$gwctl__file" ] && [ -d "$gwctl__examples" ] && mkdir -p "$gwctl__cache" 2>/dev/null; then
    # shellcheck disable=SC2086
    (cd "$gwctl__cache" && for gwctl__o in $gwctl__old; do
       case $gwctl__o in "$gwctl__name".*) ;; *) rm -f "$gwctl__o" 2>/dev/null ;; esac
     done) || true
    gwctl__tmp=$gwctl__cache/.gwctl-$$
    if [ "$gwctl__ext" = aot ]; then
      "$gwctl__java" -XX:+UseSerialGC -XX:AOTCacheOutput="$gwctl__tmp.aot" -Xlog:disable \
          -cp "$gwctl__jar" io.gwctl.cli.CdsTraining "$gwctl__examples" $gwctl__kind >/dev/null 2>&1 || true
    else
      # One JVM records the class list (class lists carry ids that cannot be merged across runs), one dumps it.
      "$gwctl__java" -XX:+UseSerialGC -Xshare:off -XX:DumpLoadedClassList="$gwctl__tmp.classlist" \
          -cp "$gwctl__jar" io.gwctl.cli.CdsTraining "$gwctl__examples" $gwctl__kind >/dev/null 2>&1 || true
      "$gwctl__java" -XX:+UseSerialGC -Xshare:dump -XX:SharedClassListFile="$gwctl__tmp.classlist" \
          -XX:SharedArchiveFile="$gwctl__tmp.jsa" -cp "$gwctl__jar" -Xlog:disable >/dev/null 2>&1 || true
    fi
    if [ -s "$gwctl__tmp.$gwctl__ext" ]; then
      gwctl__size "$gwctl__tmp.$gwctl__ext" > "$gwctl__file.size" && mv -f "$gwctl__tmp.$gwctl__ext" "$gwctl__file" || true
    fi
    rm -f "$gwctl__tmp.classlist" "$gwctl__tmp.jsa" "$gwctl__tmp.aot" "$gwctl__tmp.aot.config" 2>/dev/null || true
  fi
  if [ -f "$gwctl__file" ]; then
    if [ "$gwctl__ext" = aot ]; then
      GWCTL_ARCHIVE_OPT=-XX:AOTCache=$gwctl__file
    else
      GWCTL_ARCHIVE_OPT=-XX:SharedArchiveFile=$gwctl__file
    fi
  fi
  return 0
}
