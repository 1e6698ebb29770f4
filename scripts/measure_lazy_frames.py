#!/usr/bin/env python3
"""Instruction counts (valgrind callgrind, load-independent) of every benchmark program at its
test size, under two rceval release builds: a baseline and a build with lazy frame objects.
It answers one question: does having frame objects (only made when asked for) cost the
programs that never ask?

    python3 scripts/measure_lazy_frames.py --base BASE_BIN --base-commit SHA \\
        --new target/release/rceval --out results/<date>-lazy-frames [--variants switch/heap,...]

Each program runs once per binary and variant (callgrind counts are deterministic up to a few
hundred instructions of start-up noise). Writes OUT/data.json (every count, plus machine,
rustc, valgrind, build profile, both commits and the command line) and OUT/figures.md (the
table). Nothing in them is edited by hand.
"""
import argparse
import json
import os
import platform
import re
import shlex
import subprocess
import sys
import time

from measurement_metadata import head_commit, machine_and_build

BENCH_DIR = os.path.join("benches", "programs")
DEFAULT_VARIANTS = ["switch/heap", "tailcall/datastack", "predict/zombie", "callthread/freelist"]


def sh(cmd):
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.strip()


def header_value(path, key):
    with open(path, encoding="utf-8") as f:
        for line in f:
            s = line.strip()
            if not s.startswith("#"):
                break
            if s[1:].strip().startswith(key + ":"):
                return s[1:].strip()[len(key) + 1:].strip()
    return None


def programs():
    found = []
    for name in sorted(os.listdir(BENCH_DIR)):
        path = os.path.join(BENCH_DIR, name)
        if not name.endswith(".py") or name.startswith("_"):
            continue
        args = header_value(path, "test-args")
        if args is None or header_value(path, "pending") is not None:
            continue
        found.append((name[:-3], path, shlex.split(args)))
    return found


def instructions(binary, variant, path, args):
    dispatch, frames = variant.split("/")
    cmd = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
           binary, "run", "--dispatch", dispatch, "--frames", frames, os.path.basename(path), *args]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=os.path.dirname(path))
    if proc.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed:\n{proc.stderr[-2000:]}")
    m = re.search(r"Collected : (\d+)", proc.stderr)
    if not m:
        sys.exit(f"no instruction count in callgrind's output for {' '.join(cmd)}")
    return int(m.group(1))


def metadata(args):
    return {
        **machine_and_build(),
        "base_commit": args.base_commit,
        "new_commit": head_commit(),
        "command": "python3 " + " ".join(shlex.quote(a) for a in sys.argv),
    }


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--base", required=True, help="the baseline rceval binary")
    ap.add_argument("--base-commit", required=True, help="the commit the baseline was built from")
    ap.add_argument("--new", required=True, help="the rceval binary with lazy frame objects")
    ap.add_argument("--out", required=True)
    ap.add_argument("--variants", default=",".join(DEFAULT_VARIANTS))
    args = ap.parse_args()
    variants = args.variants.split(",")
    # Taken before measuring, so the commit recorded is the one the new binary was built from.
    meta = metadata(args)
    rows = []
    for name, path, pargs in programs():
        for variant in variants:
            base = instructions(os.path.abspath(args.base), variant, path, pargs)
            new = instructions(os.path.abspath(args.new), variant, path, pargs)
            change = (new - base) / base * 100
            rows.append({"program": name, "args": pargs, "variant": variant,
                         "base": base, "new": new, "change_percent": change})
            print(f"{name:16} {variant:20} {base:>14,} {new:>14,} {change:+.3f}%", flush=True)
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "data.json"), "w") as f:
        json.dump({"metadata": meta, "rows": rows}, f, indent=1)
        f.write("\n")
    worst = max(rows, key=lambda r: r["change_percent"])
    lines = [
        "# Instruction counts: baseline vs lazy frame objects",
        "",
        *(f"- {k}: {v}" for k, v in meta.items()),
        "",
        "Host instructions (valgrind callgrind `Ir`) of one run of each benchmark program at its "
        "test size; change = (lazy − baseline) / baseline.",
        "",
        "| program | variant | baseline | lazy frames | change |",
        "|---|---|---:|---:|---:|",
        *(f"| {r['program']} | {r['variant']} | {r['base']:,} | {r['new']:,} | {r['change_percent']:+.3f}% |"
          for r in rows),
        "",
        f"Largest change: {worst['program']} under {worst['variant']}, {worst['change_percent']:+.3f}%.",
        "",
    ]
    with open(os.path.join(args.out, "figures.md"), "w") as f:
        f.write("\n".join(lines))


if __name__ == "__main__":
    main()
