#!/usr/bin/env python3
"""Wall time of the benchmark programs under rceval and python3, side by side.

Runs every benches/programs/*.py at its `# bench-args:` size, interleaving the two
interpreters round by round (so machine drift hits both alike), checks that their outputs are
identical, and prints the median of N rounds for each and the ratio rceval / python3.

    python3 scripts/time_vs_python.py [--rounds 5] [--rceval target/release/rceval] [--dispatch switch] [--frames heap]

A stopgap until the benchmark harness (`rceval bench`) lands; it writes nothing.
"""
import argparse
import glob
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


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--rceval", default="target/release/rceval")
    ap.add_argument("--dispatch", default="switch")
    ap.add_argument("--frames", default="heap")
    opts = ap.parse_args()
    if not os.path.exists(opts.rceval):
        sys.exit(f"{opts.rceval} not found: build it with cargo build --release")
    print(f"{'program':<16}{'args':>10}{'rceval s':>12}{'python3 s':>12}{'ratio':>8}")
    for path in sorted(glob.glob("benches/programs/*.py")):
        args = header(path, "bench-args")
        ours, theirs = [], []
        for _ in range(opts.rounds):
            t_ours, out_ours = timed([opts.rceval, "run", "--dispatch", opts.dispatch,
                                      "--frames", opts.frames, path, *args])
            t_theirs, out_theirs = timed([sys.executable, path, *args])
            if out_ours != out_theirs:
                sys.exit(f"{path}: output differs from python3")
            ours.append(t_ours)
            theirs.append(t_theirs)
        m_ours, m_theirs = statistics.median(ours), statistics.median(theirs)
        name = os.path.basename(path)[:-3]
        print(f"{name:<16}{' '.join(args):>10}{m_ours:>12.3f}{m_theirs:>12.3f}{m_ours / m_theirs:>8.2f}")


if __name__ == "__main__":
    main()
