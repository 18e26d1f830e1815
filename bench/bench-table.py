#!/usr/bin/env python3
"""The performance table of issue 12, as interleaved whole-process runs (never part of the unit tests).

For each corpus size N (../shared/bench/gen_corpus.py, generated once under /tmp/gwctl-bench-N/corpus) it runs, in
rounds so that every command of a round meets the same machine (A B A B ...):
  floor      the single-threaded Jackson YAML tree parse of every document (bench/Floor.java, same jar)
  validate   ./gwctl validate -o json -f CORPUS
  route      ./gwctl pc route deploy/istio-ingressgateway.istio-system -f CORPUS
  listener   ./gwctl pc listener deploy/istio-ingressgateway.istio-system -f CORPUS
  kubectl    kubectl label --local -R -f CORPUS bench=1 -o name (when kubectl is on PATH and N <= --kubectl-max)
and, for small runs, `./gwctl --help`, `./gwctl --version`, `./gwctl validate -f testdata/examples/` and a JVM hello
world. Every gwctl run gets GWCTL_JAVA_OPTS=-Xmx512m unless --xmx '' is given, so a size that completes has done so
within 512 MB of heap.

For every run it samples /proc/PID/task every 20 ms and reports CPU per thread group (main with the rule threads,
loader threads, C1 and
C2 compiler threads, the VM thread, which is where the serial collector runs, and the rest); the process total comes
from the kernel's rusage, so threads that ended between samples are still counted in it.

Prints markdown: the machine, the load average before and after, medians per command, ratios against the floor,
kubectl and the JVM hello world, the scaling ratios, and the goals of issue 12 with whether each is met.
With --baseline DIR (another checkout with its own ./gwctl) every gwctl run is paired with the same run of DIR.

Usage: bench/bench-table.py [--sizes 1000,10000] [--repeat 3] [--small-repeat 10] [--baseline DIR]
                            [--xmx 512m] [--kubectl-max 10000] [--only validate,route,...]
"""
import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GW = "deploy/istio-ingressgateway.istio-system"
TICK = os.sysconf("SC_CLK_TCK")
OK_CODES = {0, 79}  # 79: validate found issues, a result all the same


def thread_group(name):
    if name.startswith("C2 Compiler"):
        return "C2"
    if name.startswith("C1 Compiler"):
        return "C1"
    if name == "VM Thread" or name.startswith("GC Thread") or name.startswith("G1 "):
        return "VM/GC"
    if name.startswith("gwctl-loader"):
        return "loader"
    if name in ("java", "main") or name.startswith("gwctl-rules"):
        return "main"
    return "other"


GROUPS = ["main", "loader", "C1", "C2", "VM/GC", "other"]


def sample(pid, last):
    base = "/proc/%d/task" % pid
    try:
        tids = os.listdir(base)
    except OSError:
        return
    for tid in tids:
        try:
            with open("%s/%s/stat" % (base, tid)) as f:
                s = f.read()
        except OSError:
            continue
        name = s[s.index("(") + 1:s.rindex(")")]
        rest = s[s.rindex(")") + 2:].split()
        last[tid] = (name, (int(rest[11]) + int(rest[12])) / TICK)


# Per-thread CPU is sampled every 100 ms on a thread of its own while the main thread waits for the process: sampling
# every 20 ms from the waiting loop took 2.6% of a 10,000-Gateway validate's wall time (10 interleaved pairs; the
# sampler competes with gwctl for the two cores, more than with the floor, which leaves one idle part of the time).
SAMPLE_S = 0.1


def run(cmd, env=None, cwd=ROOT):
    """One run: (wall s, cpu s, max RSS MB, {group: cpu s}, failure or None)."""
    err = tempfile.TemporaryFile()
    start = time.monotonic()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, stdin=subprocess.DEVNULL, env=env, cwd=cwd)
    last = {}
    done = threading.Event()

    def sampler():
        while not done.wait(SAMPLE_S):
            sample(p.pid, last)

    t = threading.Thread(target=sampler, daemon=True)
    t.start()
    _, status, usage = os.wait4(p.pid, 0)
    done.set()
    t.join()
    wall = time.monotonic() - start
    p.returncode = os.waitstatus_to_exitcode(status)
    failure = None
    if p.returncode not in OK_CODES:
        err.seek(0)
        text = err.read().decode(errors="replace")
        failure = "exit %d%s" % (p.returncode, ", out of memory" if "memory" in text.lower() else "")
        print("bench-table: %s: %s: %s" % (" ".join(cmd), failure, text.strip()[-300:]), file=sys.stderr)
    cpu = usage.ru_utime + usage.ru_stime
    groups = dict.fromkeys(GROUPS, 0.0)
    for name, secs in last.values():
        groups[thread_group(name)] += secs
    # What the samples missed (threads that ended between two samples, the last 100 ms) counts as "other".
    groups["other"] += max(0.0, cpu - sum(groups.values()))
    return wall, cpu, usage.ru_maxrss / 1024, groups, failure


def paired_round(groups, r):
    """
    The commands of round r: group after group, the commands of a group (one command of this checkout and of the
    baseline) side by side, in the opposite order every other round. So this checkout and its baseline take turns
    at following the group before and at following each other. With a fixed order (and with a rotating start, which
    keeps each command's predecessor) this checkout always ran right after the floor: three tables measured it 3-5%
    slower than its baseline while interleaved pairs of the same two jars, either first, measured it 4% faster.
    """
    out = []
    for g in groups:
        out.extend(g if r % 2 == 0 else list(reversed(g)))
    return out


def compile_helpers(workdir, jar):
    for src in ("Floor.java", "Hello.java"):
        shutil.copy(os.path.join(ROOT, "bench", src), workdir)
    subprocess.run(["javac", "-d", workdir, "-cp", jar, os.path.join(workdir, "Floor.java"),
                    os.path.join(workdir, "Hello.java")], check=True)


def corpus(n, shared):
    path = "/tmp/gwctl-bench-%d/corpus" % n
    if not os.path.isdir(path):
        gen = os.path.join(shared, "bench", "gen_corpus.py")
        if not os.path.isfile(gen):
            sys.exit("bench-table: %s not found (set GWCTL_SHARED_DIR)" % gen)
        print("generating N=%d ..." % n, file=sys.stderr)
        subprocess.run([sys.executable, gen, str(n), path], check=True, stdout=subprocess.DEVNULL)
    return path


def load():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def machine():
    model = "?"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2 ** 30
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    head = subprocess.run(["git", "-C", ROOT, "log", "-1", "--format=%h %s"], capture_output=True,
                          text=True).stdout.strip()
    return "%d cores (%s), %.0f GiB, %s, %s; gwctl %s" % (os.cpu_count(), model, mem, platform.system(), java,
                                                          head[:70])


class Series:
    def __init__(self):
        self.runs = []

    def add(self, r):
        self.runs.append(r)

    def failure(self):
        return next((r[4] for r in self.runs if r[4]), None)

    def wall(self):
        return statistics.median(r[0] for r in self.runs)

    def cpu(self):
        return statistics.median(r[1] for r in self.runs)

    def rss(self):
        return max(r[2] for r in self.runs)

    def group(self, g):
        return statistics.median(r[3][g] for r in self.runs)


def ratio(a, b):
    return "%.2fx" % (a / b) if b else "-"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="1000,10000")
    ap.add_argument("--repeat", type=int, default=3, help="rounds for the large runs")
    ap.add_argument("--small-repeat", type=int, default=10, help="rounds for the small runs (0: none)")
    ap.add_argument("--baseline", help="another checkout whose ./gwctl is paired with this one")
    ap.add_argument("--xmx", default="512m", help="heap of every gwctl run ('' for the launcher's default)")
    ap.add_argument("--kubectl-max", type=int, default=10000, help="largest N kubectl runs on")
    ap.add_argument("--only", default="floor,validate,route,listener,kubectl",
                    help="large runs to make, comma-separated")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s]
    only = set(args.only.split(","))
    shared = os.environ.get("GWCTL_SHARED_DIR", os.path.join(ROOT, "..", "shared"))
    checkouts = {"gwctl": ROOT}
    if args.baseline:
        checkouts["baseline"] = os.path.abspath(args.baseline)
    env = dict(os.environ)
    if args.xmx:
        env["GWCTL_JAVA_OPTS"] = (env.get("GWCTL_JAVA_OPTS", "") + " -Xmx" + args.xmx).strip()
    for home in checkouts.values():  # builds the jar and the class archive when needed
        subprocess.run([os.path.join(home, "gwctl"), "--version"], check=True, stdout=subprocess.DEVNULL, env=env)
    jar = os.path.join(ROOT, "cli", "target", "gwctl.jar")
    work = tempfile.mkdtemp(prefix="gwctl-bench-table.")
    compile_helpers(work, jar)
    kubectl = shutil.which("kubectl")

    print("Machine: " + machine())
    print("Load average before: " + load() + "; rounds: %d large, %d small; heap: %s" % (
        args.repeat, args.small_repeat, "-Xmx" + args.xmx if args.xmx else "launcher default"))
    print()

    results = {}  # (label, n) -> Series
    for n in sizes:
        path = corpus(n, shared)
        # Groups of the same command: the floor, then each gwctl command with its baseline's beside it, then kubectl.
        groups = []
        if "floor" in only:
            groups.append([("floor", ["java", "-XX:+UseSerialGC", "-cp", work + ":" + jar, "Floor", path], None)])
        for what in ("validate", "route", "listener"):
            if what not in only:
                continue
            group = []
            for label, home in checkouts.items():
                g = os.path.join(home, "gwctl")
                cmd = [g, "validate", "-o", "json", "-f", path] if what == "validate" else [g, "pc", what, GW, "-f",
                                                                                            path]
                group.append((label + " " + what, cmd, env))
            groups.append(group)
        if "kubectl" in only and kubectl and n <= args.kubectl_max:
            groups.append([("kubectl", [kubectl, "label", "--local", "-R", "-f", path, "bench=1", "-o", "name"],
                            None)])
        for r in range(args.repeat):
            for label, cmd, e in paired_round(groups, r):
                results.setdefault((label, n), Series()).add(run(cmd, e))
        print("N=%d done (load %s)" % (n, load()), file=sys.stderr)

    small = {}
    if args.small_repeat:
        examples = os.path.join(ROOT, "testdata", "examples")
        sgroups = [[("hello", ["java", "-XX:+UseSerialGC", "-Xshare:auto", "-cp", work, "Hello"], None)]]
        for what, args_ in (("--help", ["--help"]), ("--version", ["--version"]),
                            ("validate examples", ["validate", "-f", examples])):
            sgroups.append([(label + " " + what, [os.path.join(home, "gwctl")] + args_, None)
                            for label, home in checkouts.items()])
        for r in range(args.small_repeat):
            for label, cmd, e in paired_round(sgroups, r):
                small.setdefault(label, Series()).add(run(cmd, e))

    print("Load average after: " + load())
    print()
    print("| run | N | wall (median) | CPU | max RSS | wall vs floor | CPU vs floor | wall vs kubectl |")
    print("|---|---|---|---|---|---|---|---|")
    for (label, n), s in results.items():
        fl = results.get(("floor", n))
        kc = results.get(("kubectl", n))
        if s.failure():
            print("| %s | %d | failed (%s) after %.1f s | %.2f s | %d MB | | | |" % (
                label, n, s.failure(), s.wall(), s.cpu(), s.rss()))
            continue
        print("| %s | %d | %.2f s | %.2f s | %d MB | %s | %s | %s |" % (
            label, n, s.wall(), s.cpu(), s.rss(), ratio(s.wall(), fl.wall()) if fl else "-",
            ratio(s.cpu(), fl.cpu()) if fl else "-", ratio(s.wall(), kc.wall()) if kc else "-"))
    print()
    print("CPU per thread group (medians, seconds):")
    print()
    print("| run | N | " + " | ".join(GROUPS) + " |")
    print("|---|---|" + "---|" * len(GROUPS))
    for (label, n), s in results.items():
        if label != "kubectl":
            print("| %s | %d | %s |" % (label, n, " | ".join("%.2f" % s.group(g) for g in GROUPS)))
    if len(sizes) > 1:
        print()
        print("| run | " + " | ".join("t(%d)/t(%d)" % (b, a) for a, b in zip(sizes, sizes[1:])) + " |")
        print("|---|" + "---|" * (len(sizes) - 1))
        for label in dict.fromkeys(k[0] for k in results):
            if all((label, n) in results for n in sizes):
                print("| %s | %s |" % (label, " | ".join(
                    ratio(results[(label, b)].wall(), results[(label, a)].wall()) for a, b in zip(sizes, sizes[1:]))))
    if small:
        hello = small["hello"].wall()
        print()
        print("| small run | wall (median) | CPU | vs hello world |")
        print("|---|---|---|---|")
        for label, s in small.items():
            print("| %s | %.3f s | %.3f s | %s |" % (label, s.wall(), s.cpu(), ratio(s.wall(), hello)))
    goals(results, small, sizes)
    shutil.rmtree(work, ignore_errors=True)


def goals(results, small, sizes):
    """The goals of issue 12 that this run measured, with the value and whether it is met."""
    rows = []

    def get(label, n):
        return results.get((label, n))

    ten = 10000
    v, fl, kc, r = get("gwctl validate", ten), get("floor", ten), get("kubectl", ten), get("gwctl route", ten)
    if v and fl:
        rows.append(("validate -o json N=10,000 vs floor (wall, CPU)", "%s, %s" % (
            ratio(v.wall(), fl.wall()), ratio(v.cpu(), fl.cpu())), "<= 0.8x", v.wall() / fl.wall() <= 0.8))
    if v and kc:
        rows.append(("validate -o json N=10,000 vs kubectl", ratio(v.wall(), kc.wall()), "<= 0.25x",
                     v.wall() / kc.wall() <= 0.25))
    if r and fl:
        rows.append(("pc route N=10,000 vs floor (wall, CPU)", "%s, %s" % (ratio(r.wall(), fl.wall()),
                                                                        ratio(r.cpu(), fl.cpu())), "<= 1.0x",
                     r.wall() / fl.wall() <= 1.0))
    for cmd in ("validate", "route", "listener"):
        a, b = get("gwctl " + cmd, 1000), get("gwctl " + cmd, ten)
        if a and b:
            rows.append(("%s t(10,000)/t(1,000)" % cmd, ratio(b.wall(), a.wall()), "<= 3", b.wall() / a.wall() <= 3))
    for n in (30000, 100000):
        s = get("gwctl validate", n)
        if s:
            rows.append(("validate N=%d within the heap given" % n, ("failed (%s)" % s.failure()) if s.failure()
                         else "completed, %.1f s, %d MB RSS" % (s.wall(), s.rss()), "completes in 512 MB",
                         not s.failure()))
    a, b = get("gwctl validate", ten), get("gwctl validate", 100000)
    if a and b and not b.failure():
        rows.append(("validate t(100,000)/t(10,000)", ratio(b.wall(), a.wall()), "<= 10.5",
                     b.wall() / a.wall() <= 10.5))
    if small:
        hello = small["hello"].wall()
        ex = small.get("gwctl validate examples")
        if ex:
            rows.append(("validate -f testdata/examples/", "%.3f s, %s hello" % (ex.wall(), ratio(ex.wall(), hello)),
                         "<= 0.2 s (<= 4x hello)", ex.wall() <= 0.2))
        h = small.get("gwctl --help")
        if h:
            rows.append(("--help", "%.3f s" % h.wall(), "<= 0.25 s", h.wall() <= 0.25))
    if rows:
        print()
        print("| goal of issue 12 | measured | goal | met |")
        print("|---|---|---|---|")
        for name, got, goal, met in rows:
            print("| %s | %s | %s | %s |" % (name, got, goal, "yes" if met else "no"))


if __name__ == "__main__":
    main()
