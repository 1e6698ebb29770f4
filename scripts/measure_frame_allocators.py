#!/usr/bin/env python3
"""Measures every frame allocator: host instructions per call (callgrind), wall time on the
call-heavy programs (medians of interleaved rounds, ratios to `heap`), peak memory (max RSS and
the allocator's own figures), and the gh-142183 chunk-boundary pathology.

    cargo build --release
    python3 scripts/measure_frame_allocators.py --out results/<date>-frame-allocators [--rounds 5]

Writes OUT/data.json (every raw sample) and OUT/figures.md (the tables), plus machine, compiler,
build profile and git commit. Nothing in them is edited by hand.
"""
import argparse
import json
import os
import platform
import re
import shlex
import statistics
import subprocess
import sys
import time

from measurement_metadata import head_commit, machine_and_build

def frame_allocators(rceval):
    """Every allocator the binary has, as `rceval info --json` lists them (the one list is
    `rceval_dispatch::with_variant_lists!`); the first is the default, `heap`."""
    info = json.loads(subprocess.run([rceval, "info", "--json"], capture_output=True, text=True, check=True).stdout)
    return info["frame_allocators"]


def sh(cmd):
    return subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.strip()


def metadata(rceval):
    return {
        **machine_and_build(),
        "commit": head_commit(),
        "binary": rceval,
    }


def run(rceval, frames, program, args, stats=False):
    cmd = [rceval, "run", "--frames", frames] + (["--stats"] if stats else []) + [program, *args]
    return subprocess.run(cmd, capture_output=True, text=True, check=True)


def parse_stats(stderr):
    line = {k: int(v) for k, v in re.findall(r"(peak-reserved-bytes|peak-live-bytes|peak-live) (\d+)", stderr)}
    chunks = re.search(r"chunks: allocated (\d+) reused (\d+) freed (\d+)", stderr)
    frames = re.search(r"frames: allocated (\d+) reused (\d+) \(zombie (\d+), resized (\d+)\) freed (\d+) copied-out (\d+)", stderr)
    return {
        "allocated": int(frames.group(1)), "reused": int(frames.group(2)),
        "zombie_hits": int(frames.group(3)), "resized": int(frames.group(4)),
        "freed": int(frames.group(5)), "copied_out": int(frames.group(6)),
        "peak_live": line["peak-live"], "peak_live_bytes": line["peak-live-bytes"],
        "peak_reserved_bytes": line["peak-reserved-bytes"],
        "chunks_allocated": int(chunks.group(1)), "chunks_reused": int(chunks.group(2)),
        "chunks_freed": int(chunks.group(3)),
    }


def instructions(rceval, frames, program, args):
    out = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", rceval, "run",
         "--frames", frames, program, *args],
        capture_output=True, text=True, check=True)
    return int(re.search(r"Collected : (\d+)", out.stderr).group(1))


def per_iteration(rceval, frames, program, make_args, n1, n2):
    a = instructions(rceval, frames, program, make_args(n1))
    b = instructions(rceval, frames, program, make_args(n2))
    return (b - a) / (n2 - n1), (a, b)


def max_rss_kib(rceval, frames, program, args):
    out = subprocess.run(["/usr/bin/time", "-v", rceval, "run", "--frames", frames, program, *args],
                         capture_output=True, text=True, check=True)
    return int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", out.stderr).group(1))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--rceval", default="target/release/rceval")
    ap.add_argument("--baseline", help="an rceval built from an earlier commit, measured with --frames heap")
    ap.add_argument("--baseline-label", default="baseline")
    opts = ap.parse_args()
    allocators = frame_allocators(opts.rceval)
    here = opts.out
    prog = lambda name: os.path.join(here, "programs", name)
    data = {"meta": metadata(opts.rceval), "allocators": allocators}
    md = []

    # 1. Instructions per 1-argument call and return.
    n1, n2 = 20_000, 120_000
    calls = {}
    for a in allocators:
        with_call, raw_c = per_iteration(opts.rceval, a, prog("call_loop.py"), lambda n: [str(n), "call"], n1, n2)
        without, raw_n = per_iteration(opts.rceval, a, prog("call_loop.py"), lambda n: [str(n), "nocall"], n1, n2)
        calls[a] = {"per_iteration_with_call": with_call, "per_iteration_without_call": without,
                    "per_call_and_return": with_call - without, "raw": {"call": raw_c, "nocall": raw_n}}
        print(f"callgrind {a}: {with_call - without:.1f} instructions per call+return", file=sys.stderr)
    data["instructions_per_call"] = {"n1": n1, "n2": n2, "by_allocator": calls}
    if opts.baseline:
        with_call, raw_c = per_iteration(opts.baseline, "heap", prog("call_loop.py"), lambda n: [str(n), "call"], n1, n2)
        without, raw_n = per_iteration(opts.baseline, "heap", prog("call_loop.py"), lambda n: [str(n), "nocall"], n1, n2)
        data["instructions_per_call"]["baseline"] = {
            "label": opts.baseline_label, "binary": opts.baseline,
            "per_iteration_with_call": with_call, "per_iteration_without_call": without,
            "per_call_and_return": with_call - without, "raw": {"call": raw_c, "nocall": raw_n}}
    md.append("## Host instructions per 1-argument call + return (callgrind)\n")
    md.append(f"`call_loop.py N call` minus `call_loop.py N nocall`, each differenced between N = {n1} and {n2} "
              "(start-up cancels).\n")
    md.append("| allocator | instr/iteration with call | without call | **per call+return** | vs heap |")
    md.append("|---|---:|---:|---:|---:|")
    base = calls["heap"]["per_call_and_return"]
    rows = [(a, calls[a]) for a in allocators]
    if opts.baseline:
        rows.append((opts.baseline_label, data["instructions_per_call"]["baseline"]))
    for a, c in rows:
        md.append(f"| {a} | {c['per_iteration_with_call']:.1f} | {c['per_iteration_without_call']:.1f} | "
                  f"**{c['per_call_and_return']:.1f}** | {c['per_call_and_return'] - base:+.1f} |")

    # 2. gh-142183: find the depth where every call crosses a chunk boundary under 3.11's policy.
    probe_calls = 50
    worst = None
    for depth in range(1, 200):
        s = parse_stats(run(opts.rceval, "datastack311", prog("boundary_at.py"), [str(depth), str(probe_calls)], stats=True).stderr)
        if s["chunks_allocated"] >= probe_calls:
            worst = depth
            break
    boundary = {"depth": worst}
    md.append("\n## gh-142183: calls made exactly at a chunk boundary\n")
    if worst is None:
        md.append("No depth in 1..199 made every call cross a chunk boundary.")
    else:
        b1, b2 = 20_000, 120_000
        md.append(f"`boundary_at.py {worst} N`: the caller's frame ends the first chunk at depth {worst}, so each of the "
                  f"N calls needs the next chunk. Instructions per call, differenced between N = {b1} and {b2}, and the "
                  f"chunk traffic at N = {b2}:\n")
        md.append("| allocator | instr per call at the boundary | chunks allocated | chunks reused | chunks freed |")
        md.append("|---|---:|---:|---:|---:|")
        for a in allocators:
            per, raw = per_iteration(opts.rceval, a, prog("boundary_at.py"), lambda n: [str(worst), str(n)], b1, b2)
            s = parse_stats(run(opts.rceval, a, prog("boundary_at.py"), [str(worst), str(b2)], stats=True).stderr)
            boundary[a] = {"per_call": per, "raw": raw, "stats": s}
            md.append(f"| {a} | {per:.1f} | {s['chunks_allocated']} | {s['chunks_reused']} | {s['chunks_freed']} |")
    data["chunk_boundary"] = boundary

    # 3. Wall time, interleaved rounds.
    workloads = [
        ("fib", "benches/programs/fib.py", ["30"]),
        ("methods", prog("methods.py"), ["300000"]),
        ("generators", prog("generators.py"), ["20000"]),
        ("boundary", prog("boundary.py"), ["20000"]),
        ("spectral_norm", "benches/programs/spectral_norm.py", ["120"]),
    ]
    wall = {}
    for name, path, args in workloads:
        samples = {a: [] for a in allocators}
        outputs = set()
        for r in range(opts.rounds):
            order = allocators[r % len(allocators):] + allocators[:r % len(allocators)]
            for a in order:
                start = time.perf_counter()
                out = run(opts.rceval, a, path, args).stdout
                samples[a].append(time.perf_counter() - start)
                outputs.add(out)
        if len(outputs) != 1:
            sys.exit(f"{name}: allocators disagree on the output")
        wall[name] = {"program": path, "args": args, "samples": samples}
        print(f"wall {name}: " + " ".join(f"{a}={statistics.median(s):.3f}" for a, s in samples.items()), file=sys.stderr)
    data["wall_time"] = {"rounds": opts.rounds, "by_program": wall}
    md.append(f"\n## Wall time (median of {opts.rounds} interleaved rounds; ratio to heap's median; [min–max] seconds)\n")
    md.append("| program | args | " + " | ".join(allocators) + " |")
    md.append("|---|---|" + "---:|" * len(allocators))
    for name, w in wall.items():
        base = statistics.median(w["samples"]["heap"])
        cells = []
        for a in allocators:
            s = w["samples"][a]
            m = statistics.median(s)
            cells.append(f"{m:.3f} s ×{m / base:.3f} [{min(s):.3f}–{max(s):.3f}]")
        md.append(f"| {name} | {' '.join(w['args'])} | " + " | ".join(cells) + " |")

    # 4. Peak memory.
    memory_loads = [
        ("deep recursion (30,000 frames)", "tests/programs/frames/deep_recursion_chunks.py", []),
        ("fib", "benches/programs/fib.py", ["30"]),
        ("generators", prog("generators.py"), ["20000"]),
    ]
    memory = {}
    md.append("\n## Peak memory\n")
    md.append("Max RSS from `/usr/bin/time -v` (whole process), and the allocator's own figures from `--stats`: "
              "peak bytes of live frame records, and peak bytes it held from the system allocator "
              "(live and cached records, chunks).\n")
    md.append("| program | allocator | max RSS KiB | peak live frames | peak live bytes | peak reserved bytes | chunks allocated/freed |")
    md.append("|---|---|---:|---:|---:|---:|---:|")
    for name, path, args in memory_loads:
        memory[name] = {}
        for a in allocators:
            rss = max_rss_kib(opts.rceval, a, path, args)
            s = parse_stats(run(opts.rceval, a, path, args, stats=True).stderr)
            memory[name][a] = {"max_rss_kib": rss, "stats": s}
            md.append(f"| {name} | {a} | {rss} | {s['peak_live']} | {s['peak_live_bytes']} | "
                      f"{s['peak_reserved_bytes']} | {s['chunks_allocated']}/{s['chunks_freed']} |")
    data["memory"] = memory

    meta = data["meta"]
    head = [f"# Frame allocators: figures\n",
            "Written by `python3 " + shlex.join(sys.argv) + "`.\n",
            f"- machine: {meta['machine']}", f"- compiler: {meta['rustc']}", f"- {meta['valgrind']}",
            f"- build: `cargo build --release` ({meta['profile']}), features: {meta['features']}",
            f"- commit: {meta['commit']}", f"- date: {meta['date']}\n"]
    with open(os.path.join(here, "figures.md"), "w") as f:
        f.write("\n".join(head + md) + "\n")
    with open(os.path.join(here, "data.json"), "w") as f:
        json.dump(data, f, indent=1)


if __name__ == "__main__":
    main()
