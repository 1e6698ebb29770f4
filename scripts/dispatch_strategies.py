#!/usr/bin/env python3
"""Measures rceval's dispatch strategies side by side and writes results/<date>-dispatch-strategies/.

    cargo build --release && cp target/release/rceval target/rceval-plain
    cargo build --release --features predict-stats && cp target/release/rceval target/rceval-predict-stats
    python3 scripts/dispatch_strategies.py --rceval target/rceval-plain \
        --rceval-counting target/rceval-predict-stats [--rounds 5] [--size measure|bench|test] \
        [--baseline OLD-RCEVAL --baseline-label COMMIT] [--suite]

What it measures (every figure in the folder's README.md is written by this script):
  1. wall time per benchmark program and strategy, strategies interleaved round by round,
     medians and min..max, ratios to `switch`, and Welch's t-test of each ratio;
  2. host instructions (valgrind callgrind) per bytecode of a LOAD_FAST/STORE_FAST/JUMP_ABSOLUTE
     loop and per iteration of a 1-argument call+return loop, for every strategy x allocator
     and for CPython, with start-up removed by differencing two loop sizes; with --baseline,
     the same for an older build, side by side;
  3. simulated branch mispredictions (cachegrind --branch-sim=yes) per strategy on three
     programs, CPython alongside;
  4. the `predict` strategy's hit rate per predicted pair on every benchmark program (from
     `rceval run --dispatch predict --stats` of a binary built with the predict-stats feature).
  5. with --suite: callgrind instructions of every benchmark program at its test size under
     each strategy (with `freelist`) and each allocator (with `switch`), and under the
     --baseline build too, so a regression in any program shows.
The strategies and allocators come from `rceval info --json` (the binary's one variant list).
The folder's analysis.md (written by a person) is appended to the generated README.md.
"""
import argparse
import datetime
import glob
import json
import math
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time

STRATEGIES = []  # filled from `rceval info --json` in main()
ALLOCATORS = []

# Loop bodies for the instruction counts. Each runs `n` iterations inside a function, so the
# loop's variables are fast locals in both interpreters.
LOOP_FAST = """\
import sys
def loop(n):
    x = 0
    for i in range(n):
        x = i
    return x
loop(int(sys.argv[1]))
"""
# Bytecodes per iteration, in CPython 3.10's and 3.11's code alike:
# FOR_ITER, STORE_FAST i, LOAD_FAST i, STORE_FAST x, JUMP_ABSOLUTE/JUMP_BACKWARD.
LOOP_FAST_BYTECODES = 5

LOOP_CALL = """\
import sys
def f(a):
    return a
def loop(n):
    for i in range(n):
        f(i)
loop(int(sys.argv[1]))
"""

SMALL, LARGE = 100_000, 300_000

# Sizes for the wall-time and prediction runs: about half a second each under `switch` on the
# machine of the first run, long enough to dwarf start-up, short enough for many rounds.
# `--size bench` or `--size test` uses the programs' own header sizes instead.
MEASURE_ARGS = {"fannkuch": ["8"], "fib": ["27"], "nbody": ["30000"], "spectral_norm": ["120"],
                "wordfreq": ["150000"],
                # Object-heavy programs (calls, attributes, allocation), sized alike.
                "richards": ["2"], "raytrace": ["60"], "chaos": ["4000"], "go": ["60"],
                "deltablue": ["20"]}

BRANCH_PROGRAMS = [("fib.py", ["16"]), ("nbody.py", ["3000"]), ("spectral_norm.py", ["35"])]


def sh(cmd, **kw):
    return subprocess.run(cmd, capture_output=True, text=True, check=True, **kw)


def header(path, key):
    with open(path) as f:
        for line in f:
            if not line.startswith("#"):
                break
            if line.startswith(f"# {key}:"):
                return line.split(":", 1)[1].split()
    return []


def program_args(path, size):
    """The program's arguments at `size`; at `measure` size, `MEASURE_ARGS` (the programs
    without an entry there fall back to their test size)."""
    if size == "measure":
        name = os.path.basename(path)[:-3]
        if name in MEASURE_ARGS:
            return MEASURE_ARGS[name]
        size = "test"
    return header(path, f"{size}-args")


def wall_programs(size):
    """The programs timed: at `measure` size those with measured sizes (start-up would
    dominate the others' test sizes), else all."""
    paths = sorted(glob.glob("benches/programs/*.py"))
    if size == "measure":
        return [p for p in paths if os.path.basename(p)[:-3] in MEASURE_ARGS]
    return paths


def real_python():
    """The python3 executable itself (not a pyenv shim script), for valgrind."""
    return sh(["python3", "-c", "import sys; print(sys.executable)"]).stdout.strip()


def metadata(opts, python):
    git = sh(["git", "rev-parse", "HEAD"]).stdout.strip()
    dirty = sh(["git", "status", "--porcelain", "--untracked-files=no"]).stdout.strip() != ""
    cpu = ""
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return {
        "date": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "commit": git + (" (with uncommitted changes)" if dirty else ""),
        "machine": f"{cpu}, {os.cpu_count()} CPUs, {platform.system()} {platform.release()}",
        "rustc": sh(["rustc", "-vV"]).stdout.strip().replace("\n", "; "),
        "profile": "release (opt-level 3, codegen-units 1, lto thin, debug line tables; "
                   "RUSTC_BOOTSTRAP=1 from .cargo/config.toml)",
        "rceval": sh([opts.rceval, "info"]).stdout.strip().replace("\n", "; "),
        "rceval_counting": sh([opts.rceval_counting, "info"]).stdout.strip().replace("\n", "; "),
        "python": f"{sh([python, '--version']).stdout.strip()} ({python})",
        "valgrind": sh(["valgrind", "--version"]).stdout.strip(),
        "load_average_at_start": os.getloadavg(),
    }


def wall_times(opts):
    rows = []
    for path in wall_programs(opts.size):
        args = program_args(path, opts.size)
        times = {s: [] for s in STRATEGIES}
        expected = None
        for _ in range(opts.rounds):
            for strategy in STRATEGIES:
                start = time.perf_counter()
                out = subprocess.run([opts.rceval, "run", "--dispatch", strategy, path, *args],
                                     capture_output=True, check=True).stdout
                times[strategy].append(time.perf_counter() - start)
                if expected is None:
                    expected = out
                elif out != expected:
                    sys.exit(f"{path}: {strategy} printed something else")
        medians = {s: statistics.median(t) for s, t in times.items()}
        rows.append({
            "program": os.path.basename(path)[:-3],
            "args": args,
            "median_s": medians,
            "min_s": {s: min(t) for s, t in times.items()},
            "max_s": {s: max(t) for s, t in times.items()},
            "ratio_to_switch": {s: medians[s] / medians["switch"] for s in STRATEGIES},
            "times_s": times,
            "p_vs_switch": {s: welch(times[s], times["switch"])[1] for s in STRATEGIES[1:]},
        })
        print(f"wall {rows[-1]['program']}: " +
              " ".join(f"{s}={medians[s]:.3f}" for s in STRATEGIES), file=sys.stderr)
    return rows


def callgrind_instructions(cmd):
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "callgrind.out")
        r = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *cmd],
                           capture_output=True, text=True, check=True)
    m = re.search(r"Collected : (\d+)", r.stderr)
    if not m:
        sys.exit(f"no callgrind total for {cmd}:\n{r.stderr}")
    return int(m.group(1))


def variants_of(binary):
    info = json.loads(sh([binary, "info", "--json"]).stdout)
    return info["dispatch_strategies"], info["frame_allocators"]


def instruction_counts(opts, python, tmp, binary=None):
    loops = {"fast_loop": LOOP_FAST, "call_loop": LOOP_CALL}
    binary = binary or opts.rceval
    strategies, allocators = variants_of(binary)
    interpreters = {f"{s}/{a}": [binary, "run", "--dispatch", s, "--frames", a]
                    for s in strategies for a in allocators}
    if binary == opts.rceval:
        interpreters["cpython"] = [python]
    rows = {}
    for loop, source in loops.items():
        path = os.path.join(tmp, f"{loop}.py")
        with open(path, "w") as f:
            f.write(source)
        for name, cmd in interpreters.items():
            small = callgrind_instructions([*cmd, path, str(SMALL)])
            large = callgrind_instructions([*cmd, path, str(LARGE)])
            per_iteration = (large - small) / (LARGE - SMALL)
            rows.setdefault(loop, {})[name] = {
                "instructions_small": small,
                "instructions_large": large,
                "per_iteration": per_iteration,
                "per_bytecode": per_iteration / LOOP_FAST_BYTECODES if loop == "fast_loop" else None,
            }
            print(f"callgrind {loop} {name}: {per_iteration:.1f}/iteration", file=sys.stderr)
    return rows


def suite_counts(binary):
    """Callgrind instructions of every benchmark program at its test size, per variant of the
    diagonal (each strategy with freelist, each allocator with switch)."""
    strategies, allocators = variants_of(binary)
    variants = [(s, "freelist") for s in strategies] + \
        [("switch", a) for a in allocators if a != "freelist"]
    rows = {}
    for path in sorted(glob.glob("benches/programs/*.py")):
        name = os.path.basename(path)[:-3]
        for s, a in variants:
            rows.setdefault(name, {})[f"{s}/{a}"] = callgrind_instructions(
                [binary, "run", "--dispatch", s, "--frames", a, path,
                 *program_args(path, "test")])
        print(f"suite {binary} {name} done", file=sys.stderr)
    return rows


def _betacf(a, b, x):
    """The continued fraction of the regularized incomplete beta function (Lentz's method)."""
    tiny, qab, qap, qam = 1e-300, a + b, a + 1, a - 1
    c, d = 1.0, 1 - qab * x / qap
    d = 1 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 300):
        m2 = 2 * m
        for aa in (m * (b - m) * x / ((qam + m2) * (a + m2)),
                   -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))):
            d = 1 + aa * d
            d = 1 / (d if abs(d) > tiny else tiny)
            c = 1 + aa / c
            c = c if abs(c) > tiny else tiny
            h *= d * c
        if abs(d * c - 1) < 1e-12:
            break
    return h


def _betainc(a, b, x):
    """The regularized incomplete beta function I_x(a, b)."""
    if x <= 0 or x >= 1:
        return 0.0 if x <= 0 else 1.0
    front = math.exp(math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) +
                     a * math.log(x) + b * math.log1p(-x))
    if x < (a + 1) / (a + b + 2):
        return front * _betacf(a, b, x) / a
    return 1 - front * _betacf(b, a, 1 - x) / b


def welch(a, b):
    """Welch's t statistic and its two-sided p-value (Student's t with Welch-Satterthwaite
    degrees of freedom: p = I_{df/(df+t^2)}(df/2, 1/2))."""
    na, nb = len(a), len(b)
    if na < 2 or nb < 2:
        return None, None
    va, vb = statistics.variance(a) / na, statistics.variance(b) / nb
    if va + vb == 0:
        return None, None
    t = (statistics.mean(a) - statistics.mean(b)) / math.sqrt(va + vb)
    df = (va + vb) ** 2 / (va ** 2 / (na - 1) + vb ** 2 / (nb - 1))
    return t, _betainc(df / 2, 0.5, df / (df + t * t))


def branch_sim(cmd):
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "cachegrind.out")
        r = subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no", "--branch-sim=yes",
                            f"--cachegrind-out-file={out}", *cmd],
                           capture_output=True, text=True, check=True)
    num = lambda s: int(s.replace(",", ""))
    ir = re.search(r"I\s+refs:\s+([\d,]+)", r.stderr)
    br = re.search(r"Branches:\s+([\d,]+)\s+\(\s*([\d,]+) cond \+\s+([\d,]+) ind\)", r.stderr)
    mp = re.search(r"Mispredicts:\s+([\d,]+)\s+\(\s*([\d,]+) cond \+\s+([\d,]+) ind\)", r.stderr)
    if not (ir and br and mp):
        sys.exit(f"no branch figures for {cmd}:\n{r.stderr}")
    return {
        "instructions": num(ir.group(1)),
        "branches": num(br.group(1)), "cond_branches": num(br.group(2)),
        "indirect_branches": num(br.group(3)),
        "mispredicts": num(mp.group(1)), "cond_mispredicts": num(mp.group(2)),
        "indirect_mispredicts": num(mp.group(3)),
    }


def branch_mispredictions(opts, python):
    rows = {}
    for program, args in BRANCH_PROGRAMS:
        path = os.path.join("benches/programs", program)
        for strategy in STRATEGIES:
            rows.setdefault(program, {})[strategy] = branch_sim(
                [opts.rceval, "run", "--dispatch", strategy, path, *args])
        rows[program]["cpython"] = branch_sim([python, path, *args])
        print(f"cachegrind {program} done", file=sys.stderr)
    return rows


def prediction_rates(opts):
    rows = {}
    for path in sorted(glob.glob("benches/programs/*.py")):
        args = program_args(path, opts.size)
        r = subprocess.run([opts.rceval_counting, "run", "--dispatch", "predict", "--stats", path,
                            *args], capture_output=True, text=True, check=True)
        pairs = re.findall(r"^  (\S+) -> (\S+) (\d+) (\d+) ", r.stderr, re.M)
        if not pairs:
            sys.exit(f"{opts.rceval_counting} printed no prediction counts; was it built with "
                     "--features predict-stats?")
        rows[os.path.basename(path)[:-3]] = [
            {"op": a, "predicted": b, "hits": int(h), "attempts": int(n)} for a, b, h, n in pairs]
    return rows


def render(meta, opts, wall, counts, branches, predictions, analysis):
    md = ["# Dispatch strategies, side by side", "",
          "Generated by `scripts/dispatch_strategies.py`; every figure below comes from the "
          "run recorded here (raw data: `raw.json`). The analysis at the end is written by hand.",
          "", "## Run", ""]
    md += [f"- **{k}**: {v}" for k, v in meta.items()]
    md += ["", "Commands:", "", "```sh", *opts.commands, "```", ""]
    md += [f"## Wall time ({opts.size} sizes, {opts.rounds} interleaved rounds)", "",
           "Median seconds (min..max), and the median's ratio to `switch` (lower is faster) "
           "with Welch's two-sided p-value over the rounds (p < 0.05: significant).", "",
           "| program | args | " + " | ".join(STRATEGIES) + " | " +
           " | ".join(f"{s}/switch" for s in STRATEGIES[1:]) + " |",
           "|---|---|" + "---|" * (2 * len(STRATEGIES) - 1)]
    for r in wall:
        cells = [f"{r['median_s'][s]:.3f} ({r['min_s'][s]:.3f}..{r['max_s'][s]:.3f})"
                 for s in STRATEGIES]
        def ratio(s):
            # From the rounds themselves when they were kept (so a re-render uses this
            # script's test), else as recorded.
            p = (welch(r["times_s"][s], r["times_s"]["switch"])[1] if "times_s" in r
                 else r.get("p_vs_switch", {}).get(s))
            mark = "" if p is None else (f" (p={p:.3f})" if p >= 0.001 else " (p<0.001)")
            return f"{r['ratio_to_switch'][s]:.3f}{mark}"
        ratios = [ratio(s) for s in STRATEGIES[1:]]
        md.append(f"| {r['program']} | {' '.join(r['args'])} | " + " | ".join(cells) + " | " +
                  " | ".join(ratios) + " |")
    geo = {s: statistics.geometric_mean([r["ratio_to_switch"][s] for r in wall])
           for s in STRATEGIES[1:]}
    md.append("| geometric mean | | " + " | " * (len(STRATEGIES) - 1) + " | " +
              " | ".join(f"{geo[s]:.3f}" for s in STRATEGIES[1:]) + " |")
    md += ["", "## Host instructions (callgrind)", "",
           f"Instructions of a run with n = {LARGE:,} minus one with n = {SMALL:,}, divided by "
           f"the {LARGE - SMALL:,} extra iterations (start-up cancels out).", ""]
    allocs = sorted({k.split("/")[1] for k in counts["fast_loop"] if "/" in k},
                    key=lambda a: ALLOCATORS.index(a) if a in ALLOCATORS else 99)
    tables = [("Fast loop, instructions per bytecode", "fast_loop", "per_bytecode", counts),
              ("Call loop, instructions per iteration (call + return + loop)", "call_loop",
               "per_iteration", counts)]
    if opts.baseline_counts:
        tables += [(f"Before ({opts.baseline_label}): fast loop, per bytecode", "fast_loop",
                    "per_bytecode", opts.baseline_counts),
                   (f"Before ({opts.baseline_label}): call loop, per iteration", "call_loop",
                    "per_iteration", opts.baseline_counts)]
    for title, loop, key, data in tables:
        rows = data[loop]
        md += [f"### {title}", "", "| strategy | " + " | ".join(allocs) + " |",
               "|---|" + "---|" * len(allocs)]
        strategies = [s for s in STRATEGIES if any(k.startswith(s + "/") for k in rows)]
        for st in strategies:
            md.append(f"| {st} | " + " | ".join(
                f"{rows[f'{st}/{a}'][key]:.1f}" if f"{st}/{a}" in rows else "-"
                for a in allocs) + " |")
        if "cpython" in rows:
            md.append(f"| CPython | {rows['cpython'][key]:.1f} |" + " |" * (len(allocs) - 1))
        md.append("")
    md += ["", "Fast loop (5 bytecodes per iteration: `FOR_ITER STORE_FAST LOAD_FAST STORE_FAST "
           "JUMP_ABSOLUTE`):", "", "```python", LOOP_FAST.rstrip(), "```", "",
           "Call loop (per iteration: the loop's `FOR_ITER STORE_FAST ... JUMP_ABSOLUTE`, "
           "`LOAD_GLOBAL f`, `LOAD_FAST i`, `CALL_FUNCTION 1`, `POP_TOP`, and in the callee "
           "`LOAD_FAST a`, `RETURN_VALUE`):", "", "```python", LOOP_CALL.rstrip(), "```", ""]
    md += ["## Branch mispredictions (cachegrind --branch-sim=yes)", "",
           "| program | interpreter | instructions | branches (indirect) | mispredicts "
           "(indirect) | mispredict rate |", "|---|---|---|---|---|---|"]
    for program, by in branches.items():
        args = dict(BRANCH_PROGRAMS)[program]
        for name, b in by.items():
            md.append(f"| {program} {' '.join(args)} | {name} | {b['instructions']:,} | "
                      f"{b['branches']:,} ({b['indirect_branches']:,}) | {b['mispredicts']:,} "
                      f"({b['indirect_mispredicts']:,}) | "
                      f"{100 * b['mispredicts'] / b['branches']:.2f}% |")
    md += ["", f"## Prediction hit rates (`predict`, {opts.size} sizes)", "",
           "Hits of a pair / executions of its first opcode that completed normally.", "",
           "| pair | " + " | ".join(predictions) + " |", "|---|" + "---|" * len(predictions)]
    first = next(iter(predictions.values()))
    for i, row in enumerate(first):
        cells = []
        for prog in predictions.values():
            p = prog[i]
            cells.append("-" if p["attempts"] == 0 else
                         f"{100 * p['hits'] / p['attempts']:.1f}% of {p['attempts']:,}")
        md.append(f"| {row['op']} → {row['predicted']} | " + " | ".join(cells) + " |")
    if opts.suite:
        md += ["", "## The suite, instruction by instruction", "",
               "Callgrind instructions of each benchmark program at its test size (start-up "
               "included), now and before, per variant of the diagonal; ratio now/before "
               "(lower is fewer).", ""]
        now, before = opts.suite["now"], opts.suite.get("before", {})
        variants = list(next(iter(now.values())).keys())
        md += ["| program | " + " | ".join(variants) + " |", "|---|" + "---|" * len(variants)]
        worst = 0.0
        for prog, by in now.items():
            cells = []
            for v in variants:
                b = before.get(prog, {}).get(v)
                if b:
                    worst = max(worst, by[v] / b)
                    cells.append(f"{by[v] / 1e6:.1f}M ({by[v] / b:.2f})")
                else:
                    cells.append(f"{by[v] / 1e6:.1f}M")
            md.append(f"| {prog} | " + " | ".join(cells) + " |")
        if before:
            md += ["", f"Largest ratio now/before over every program and variant: {worst:.3f}."]
    md += ["", "## Analysis", "", analysis.strip(), ""]
    return "\n".join(md)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rceval", default="target/rceval-plain")
    ap.add_argument("--rceval-counting", default="target/rceval-predict-stats")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--size", choices=["measure", "bench", "test"], default="measure")
    ap.add_argument("--out", default=None)
    ap.add_argument("--baseline", default=None,
                    help="an older rceval build to count the same loops (and --suite) with")
    ap.add_argument("--baseline-label", default="baseline",
                    help="what --baseline is (its commit), for the tables")
    ap.add_argument("--suite", action="store_true",
                    help="also count every benchmark program's instructions (diagonal variants)")
    ap.add_argument("--rerun-wall", action="store_true",
                    help="re-measure only the wall times (--rounds of them) into the folder's "
                         "raw.json (after a run whose machine was busy), keeping the rest")
    ap.add_argument("--render-only", action="store_true",
                    help="re-render README.md from the folder's raw.json (after editing analysis.md)")
    opts = ap.parse_args()
    strategies, allocators = variants_of(opts.rceval)
    STRATEGIES.extend(strategies)
    ALLOCATORS.extend(allocators)
    day = datetime.date.today().isoformat()
    out = opts.out or f"results/{day}-dispatch-strategies"
    os.makedirs(out, exist_ok=True)
    opts.commands = [
        "cargo build --release && cp target/release/rceval target/rceval-plain",
        "cargo build --release --features predict-stats && "
        "cp target/release/rceval target/rceval-predict-stats",
        "python3 " + " ".join(sys.argv),
    ]
    raw_path = os.path.join(out, "raw.json")
    if opts.render_only or opts.rerun_wall:
        with open(raw_path) as f:
            raw = json.load(f)
        meta, wall, counts = raw["metadata"], raw["wall"], raw["instructions"]
        opts.baseline_counts, opts.baseline_label = raw.get("baseline"), raw.get("baseline_label")
        opts.suite = raw.get("suite")
        branches, predictions = raw["branches"], raw["predictions"]
        if opts.rerun_wall:
            rounds = opts.rounds
            opts.commands, opts.size = raw["commands"], raw["size"]
            opts.rounds = rounds
            started = datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds")
            load = os.getloadavg()
            wall = wall_times(opts)
            meta["wall_times_remeasured"] = (
                f"{started}, {rounds} rounds, load average at start {load}, at the end "
                f"{os.getloadavg()}")
            opts.commands = [*opts.commands, "python3 " + " ".join(sys.argv)]
        else:
            opts.commands, opts.size, opts.rounds = raw["commands"], raw["size"], raw["rounds"]
    else:
        python = real_python()
        meta = metadata(opts, python)
        with tempfile.TemporaryDirectory() as tmp:
            counts = instruction_counts(opts, python, tmp)
            opts.baseline_counts = (instruction_counts(opts, python, tmp, opts.baseline)
                                    if opts.baseline else None)
        if opts.baseline:
            meta["baseline"] = f"{opts.baseline_label}: " + \
                sh([opts.baseline, "info"]).stdout.strip().replace("\n", "; ")
        if opts.suite:
            opts.suite = {"now": suite_counts(opts.rceval)}
            if opts.baseline:
                opts.suite["before"] = suite_counts(opts.baseline)
        branches = branch_mispredictions(opts, python)
        predictions = prediction_rates(opts)
        wall = wall_times(opts)
    analysis_path = os.path.join(out, "analysis.md")
    analysis = open(analysis_path).read() if os.path.exists(analysis_path) else \
        "(none yet: write analysis.md beside this file and re-run)"
    with open(raw_path, "w") as f:
        json.dump({"metadata": meta, "commands": opts.commands, "size": opts.size,
                   "rounds": opts.rounds, "wall": wall, "instructions": counts,
                   "branches": branches, "predictions": predictions,
                   "baseline": opts.baseline_counts, "baseline_label": opts.baseline_label,
                   "suite": opts.suite or None}, f, indent=1)
    with open(os.path.join(out, "README.md"), "w") as f:
        f.write(render(meta, opts, wall, counts, branches, predictions, analysis))
    print(f"wrote {out}/README.md", file=sys.stderr)


if __name__ == "__main__":
    main()
