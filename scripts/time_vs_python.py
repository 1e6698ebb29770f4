#!/usr/bin/env python3
"""Wall time of the benchmark programs under rceval and python3, side by side.

Runs every benches/programs/*.py at its `# bench-args:` size, interleaving the two
interpreters round by round (so machine drift hits both alike), checks that their outputs are
identical, and prints the median of N rounds for each and the ratio rceval / python3.

    python3 scripts/time_vs_python.py [--rounds 5] [--rceval target/release/rceval]
        [--dispatch switch] [--frames heap] [--out results/DIR]

With --out it also writes DIR/README.md: the table, the command, and the machine, compilers,
build profile and git commit it was measured with. A stopgap until the benchmark harness
(`rceval bench`) lands.
"""
import argparse
import datetime
import glob
import platform
import os
import statistics
import subprocess
import sys
import time


def header(path, key):
    with open(path) as f:
        for line in f:
            if not line.startswith("#"):
                break
            if line.startswith(f"# {key}:"):
                return line.split(":", 1)[1].split()
    return []


def timed(cmd):
    start = time.perf_counter()
    out = subprocess.run(cmd, capture_output=True, check=True).stdout
    return time.perf_counter() - start, out


def capture(cmd):
    try:
        return subprocess.run(cmd, capture_output=True, text=True).stdout.strip()
    except OSError:
        return "unavailable"


def machine_metadata(opts):
    cpu = "unknown"
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(line.split(":", 1)[1].strip() for line in f if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    dirty = capture(["git", "status", "--porcelain", "--untracked-files=no"])
    return [
        f"- date: {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC",
        f"- machine: {platform.machine()}, {cpu}, {os.cpu_count()} cores, {platform.platform()}",
        f"- load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}",
        f"- rceval: {opts.rceval} (release profile), dispatch={opts.dispatch}, frames={opts.frames}, "
        f"{capture([opts.rceval, 'info']).splitlines()[-1]}",
        f"- rustc: {capture(['rustc', '-V'])}",
        f"- python3: {sys.version.split()[0]}",
        f"- git commit: {capture(['git', 'rev-parse', 'HEAD'])}{' (with uncommitted changes)' if dirty else ''}",
    ]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--rceval", default="target/release/rceval")
    ap.add_argument("--dispatch", default="switch")
    ap.add_argument("--frames", default="heap")
    ap.add_argument("--out", help="results folder to write README.md into")
    opts = ap.parse_args()
    meta = machine_metadata(opts)
    lines = []
    if not os.path.exists(opts.rceval):
        sys.exit(f"{opts.rceval} not found: build it with cargo build --release")
    header_row = f"{'program':<16}{'args':>10}{'rceval s':>12}{'python3 s':>12}{'ratio':>8}"
    print(header_row)
    lines.append(header_row)
    for path in sorted(glob.glob("benches/programs/*.py")):
        args = header(path, "bench-args")
        pending = header(path, "pending")
        if pending:
            row = f"{os.path.basename(path)[:-3]:<16}  skipped, pending: {' '.join(pending)}"
            print(row, flush=True)
            lines.append(row)
            continue
        ours, theirs = [], []
        for _ in range(opts.rounds):
            t_ours, out_ours = timed([opts.rceval, "run", "--dispatch", opts.dispatch,
                                      "--frames", opts.frames, path, *args])
            t_theirs, out_theirs = timed([sys.executable, path, *args])
            if out_ours != out_theirs:
                sys.exit(f"{path}: output differs from python3; not timed")
            ours.append(t_ours)
            theirs.append(t_theirs)
        m_ours, m_theirs = statistics.median(ours), statistics.median(theirs)
        name = os.path.basename(path)[:-3]
        row = f"{name:<16}{' '.join(args):>10}{m_ours:>12.3f}{m_theirs:>12.3f}{m_ours / m_theirs:>8.2f}"
        print(row, flush=True)
        lines.append(row)
    if opts.out:
        os.makedirs(opts.out, exist_ok=True)
        command = "python3 scripts/time_vs_python.py " + " ".join(sys.argv[1:])
        with open(os.path.join(opts.out, "README.md"), "w") as f:
            f.write("# rceval vs CPython 3.11: wall time of the benchmark programs\n\n")
            f.write(f"Median of {opts.rounds} rounds per interpreter, interleaved round by round; "
                    "outputs checked identical. Ratio = rceval / python3 (lower is better).\n\n")
            f.write("```\n" + "\n".join(lines) + "\n```\n\n")
            f.write("Measured with:\n\n```\n" + command + "\n```\n\n")
            f.write("\n".join(meta) + "\n")


if __name__ == "__main__":
    main()
