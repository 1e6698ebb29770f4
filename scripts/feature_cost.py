#!/usr/bin/env python3
"""What the profiling features cost: host instructions (valgrind's cachegrind `I refs`) of
rceval built without features, with each observer feature compiled in but not switched on,
and switched on, for three benchmark programs at their `# test-args:` size.

    python3 scripts/feature_cost.py --out results/<date>-dxp

Builds every configuration with `cargo build --release` (one at a time, same target
directory, each binary copied aside), then runs each program once per (build, mode) under
cachegrind. Writes feature-cost.md (the table, machine metadata, commands) into --out.
"""

import argparse
import os
import re
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(__file__))
from time_vs_python import capture, header, machine_metadata  # noqa: E402

PROGRAMS = ["fib", "nbody", "spectral_norm"]
# feature -> the `rceval run` options that switch it on (None: on whenever compiled in).
FEATURES = {
    "dxp": ["--dxp", "{tmp}/dxp.json"],
    "lltrace": ["--lltrace"],
    "optiming": ["--optiming"],
    "callprofile": ["--callprofile"],
    "stackcheck": None,
}


def build(feature, bins):
    cmd = ["cargo", "build", "--release", "--quiet"]
    if feature:
        cmd += ["--features", feature]
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True)
    dest = os.path.join(bins, f"rceval-{feature or 'default'}")
    shutil.copy2("target/release/rceval", dest)
    return dest, " ".join(cmd)


def instructions(binary, options, program, tmp):
    args = header(f"benches/programs/{program}.py", "test-args")
    cmd = [
        "valgrind", "--tool=cachegrind", "--cache-sim=no",
        f"--cachegrind-out-file={tmp}/cg.out",
        binary, "run", *[o.format(tmp=tmp) for o in options], f"benches/programs/{program}.py", *args,
    ]
    run = subprocess.run(cmd, capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{run.stderr[-2000:]}")
    match = re.search(r"I\s+refs:\s+([\d,]+)", run.stderr)
    return int(match.group(1).replace(",", ""))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    opts = ap.parse_args()
    os.makedirs(opts.out, exist_ok=True)
    bins = "target/feature-cost"
    tmp = os.path.join(bins, "tmp")
    os.makedirs(tmp, exist_ok=True)
    default_bin, default_cmd = build(None, bins)
    commands = [default_cmd]
    rows = []
    base = {p: instructions(default_bin, [], p, tmp) for p in PROGRAMS}
    for feature, switch in FEATURES.items():
        binary, cmd = build(feature, bins)
        commands.append(cmd)
        for p in PROGRAMS:
            off = instructions(binary, [], p, tmp)
            on = instructions(binary, switch, p, tmp) if switch is not None else None
            rows.append((feature, p, off, on))
            print(feature, p, base[p], off, on, flush=True)
    meta = machine_metadata(argparse.Namespace(rceval=default_bin, dispatch="switch", frames="heap"))
    lines = [
        "# Cost of the profiling features",
        "",
        "Host instructions (cachegrind `I refs`, whole process) of one run of each program at its",
        "`# test-args:` size, dispatch=switch, frames=heap. *compiled in* = a build with the feature",
        "but the run not asking for it; *switched on* = the same build with the run option.",
        "`stackcheck` has no off state: compiled in, it checks every instruction of every run.",
        "",
        *meta,
        f"- valgrind: {capture(['valgrind', '--version'])}",
        "",
        "| feature | program | default build | compiled in | ratio | switched on | ratio |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    for feature, p, off, on in rows:
        b = base[p]
        on_cells = f"{on:,} | {on / b:.3f}" if on is not None else "(always on) | -"
        lines.append(f"| {feature} | {p} | {b:,} | {off:,} | {off / b:.3f} | {on_cells} |")
    lines += [
        "",
        "Commands:",
        "",
        "```sh",
        f"python3 scripts/feature_cost.py --out {opts.out}",
        *[f"# {c}" for c in commands],
        "# each run: valgrind --tool=cachegrind --cache-sim=no target/feature-cost/rceval-FEATURE run [OPTION] benches/programs/PROGRAM.py TEST-ARGS",
        "```",
        "",
    ]
    with open(os.path.join(opts.out, "feature-cost.md"), "w") as f:
        f.write("\n".join(lines))


if __name__ == "__main__":
    main()
