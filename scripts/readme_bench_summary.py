#!/usr/bin/env python3
"""Copies the comparison tables of a `rceval bench` results folder into README.md.

    python3 scripts/readme_bench_summary.py results/DIR [--check]
    python3 scripts/readme_bench_summary.py --check     # against the folder the README names

The tables go between the `<!-- bench-summary:begin -->` and `<!-- bench-summary:end -->`
markers, exactly as the tool wrote them in DIR/summary.md (its sections before "Per-run times"),
headings one level down and chart links pointing into DIR. With --check, exits 1 if README.md
is not what the script would write (so the README can't drift from the committed results).
"""
import argparse
import os
import re
import sys

BEGIN = "<!-- bench-summary:begin -->"
END = "<!-- bench-summary:end -->"


def block(results_dir):
    with open(os.path.join(results_dir, "summary.md")) as f:
        summary = f.read()
    start = summary.index("\n## ")
    stop = summary.index("\n## Per-run times")
    body = summary[start:stop].strip("\n")
    body = re.sub(r"^## ", "### ", body, flags=re.M)
    rel = results_dir.rstrip("/")
    body = re.sub(r"\]\((ratio-[^)]+\.svg)\)", lambda m: f"]({rel}/{m.group(1)})", body)
    first_line = summary.splitlines()[0].lstrip("# ")
    return (
        f"{BEGIN}\n"
        f"From [`{rel}/summary.md`]({rel}/summary.md) ({first_line}; "
        f"how it was run: [`{rel}/README.md`]({rel}/README.md)), copied by "
        f"`scripts/readme_bench_summary.py`:\n\n{body}\n{END}"
    )


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("results_dir", nargs="?")
    ap.add_argument("--check", action="store_true")
    opts = ap.parse_args()
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    os.chdir(root)
    with open("README.md") as f:
        readme = f.read()
    if BEGIN not in readme or END not in readme:
        sys.exit("README.md has no bench-summary markers")
    before, rest = readme.split(BEGIN, 1)
    if opts.results_dir is None:
        named = re.search(r"\(([^)]+)/summary\.md\)", rest)
        if not named:
            sys.exit("README.md's benchmark summary names no results folder; give one")
        opts.results_dir = named.group(1)
    _, after = rest.split(END, 1)
    updated = before + block(opts.results_dir) + after
    if opts.check:
        if updated != readme:
            sys.exit("README.md's benchmark summary is not the one in "
                     f"{opts.results_dir}/summary.md: run scripts/readme_bench_summary.py")
        return
    with open("README.md", "w") as f:
        f.write(updated)


if __name__ == "__main__":
    main()
