#!/usr/bin/env python3
"""A DXP results folder: every benchmark program's opcode and pair profile from
`rceval run --dxp`, CPython 3.11's executed-instruction counts for the same runs
(scripts/cpython_executed.py), and `rceval dxp report` over them in every format.

    cargo build --release --features dxp
    python3 scripts/dxp_results.py --out results/<date>-dxp [--size test|bench]

Writes into --out: profiles/NAME.json, cpython.json, report.{txt,csv,json,md}, pairs.svg and
README.md (machine, compiler, build, commit, and the commands that produced each file).
"""

import argparse
import glob
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(__file__))
from time_vs_python import capture, header, machine_metadata  # noqa: E402


def run(cmd, **kw):
    print("+", " ".join(cmd), flush=True)
    return subprocess.run(cmd, check=True, **kw)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--rceval", default="target/release/rceval")
    ap.add_argument("--size", choices=["test", "bench"], default="test")
    ap.add_argument("--build", default="cargo build --release --features dxp",
                    help="how --rceval was built (recorded in README.md; DXP counts do not depend on the profile)")
    opts = ap.parse_args()
    info = capture([opts.rceval, "info"])
    if "dxp" not in info.splitlines()[-1]:
        sys.exit(f"{opts.rceval} lacks the dxp feature: cargo build --release --features dxp")
    profiles_dir = os.path.join(opts.out, "profiles")
    os.makedirs(profiles_dir, exist_ok=True)
    commands = []
    profiles = []
    for program in sorted(glob.glob("benches/programs/*.py")):
        name = os.path.splitext(os.path.basename(program))[0]
        args = header(program, f"{opts.size}-args")
        profile = os.path.join(profiles_dir, f"{name}.json")
        cmd = [opts.rceval, "run", "--dxp", profile, program, *args]
        run(cmd, stdout=subprocess.DEVNULL)
        commands.append(" ".join(cmd) + " > /dev/null")
        profiles.append(profile)
    cpython = os.path.join(opts.out, "cpython.json")
    cmd = [sys.executable, "scripts/cpython_executed.py", "--size", opts.size, "--out", cpython]
    run(cmd)
    commands.append(" ".join(["python3", *cmd[1:]]))
    outputs = {"text": "report.txt", "csv": "report.csv", "json": "report.json", "markdown": "report.md"}
    for fmt, file in outputs.items():
        cmd = [opts.rceval, "dxp", "report", "--format", fmt, "--cpython", cpython, *profiles]
        if fmt == "text":
            cmd[3:3] = ["--svg", os.path.join(opts.out, "pairs.svg")]
        with open(os.path.join(opts.out, file), "w") as f:
            run(cmd, stdout=f)
        commands.append(" ".join(cmd) + f" > {os.path.join(opts.out, file)}")
    meta = machine_metadata(argparse.Namespace(rceval=opts.rceval, dispatch="switch", frames="heap"))
    with open(os.path.join(opts.out, "report.txt")) as f:
        text = f.read()
    programs_table = text.split("\n\n")[1]
    readme = [
        "# DXP profile of the benchmark programs",
        "",
        f"Every `benches/programs/*.py` at its `# {opts.size}-args:` size under `rceval run --dxp`",
        "(executed count of every opcode and opcode pair), merged by `rceval dxp report`, next to",
        "the instructions CPython 3.11 executes for the same runs (`sys.settrace` with",
        "`f_trace_opcodes`, one 'opcode' event per instruction; scripts/cpython_executed.py).",
        "The instruction sets differ (rceval: CPython 3.10's; 3.11 adds RESUME, PRECALL and",
        "specialization), so the ratio compares the work each VM dispatches, not opcode for opcode.",
        "",
        *meta,
        f"- build of the binary used: {opts.build}",
        "",
        "```text",
        programs_table,
        "```",
        "",
        "Files: `report.txt` (text), `report.csv` (starlark-rust's CSV shape), `report.json`,",
        "`report.md`, `pairs.svg` (heat map of the pair matrix), `profiles/*.json` (one DXP",
        "profile per program), `cpython.json` (CPython's counts), `feature-cost.md` (what the",
        "profiling features cost; scripts/feature_cost.py).",
        "",
        "Commands (run from the repository root):",
        "",
        "```sh",
        opts.build,
        f"python3 scripts/dxp_results.py --out {opts.out} --size {opts.size} --rceval {opts.rceval} --build '{opts.build}'",
        "# which ran:",
        *commands,
        "```",
        "",
    ]
    with open(os.path.join(opts.out, "README.md"), "w") as f:
        f.write("\n".join(readme))


if __name__ == "__main__":
    main()
