#!/usr/bin/env python3
"""Writes the machine code of LOAD_FAST under every dispatch strategy, as compiled into a
release binary, to a markdown file (results/<folder>/handlers.md):

    python3 scripts/handler_listings.py --rceval target/rceval-plain --out results/FOLDER/handlers.md

- tailcall: the whole `LoadFast` function (handler, fetch, and the `become` through the table);
- callthread: the `LoadFast` handler in the uniform shape, and the loop's dispatch sequence;
- switch and predict: the loop's fetch-and-dispatch sequence (the instructions up to the
  indirect jump into the `match`), which every handler goes back to.
Each with the `zombie` allocator and no observer (the handlers do not depend on the allocator).
"""
import argparse
import re
import subprocess

ALLOC = "rceval_interp::runtime::frame::zombie::ZombieFrames, rceval_profiling::observer::NoObserver"


def symbols(binary):
    out = subprocess.run(["nm", "-C", "-n", binary], capture_output=True, text=True,
                         check=True).stdout
    rows = []
    for line in out.splitlines():
        parts = line.split(" ", 2)
        if len(parts) == 3 and parts[0]:
            rows.append((int(parts[0], 16), parts[2]))
    return rows


def disassemble(binary, rows, name):
    """The listing of symbol `name`, or of another instance of the same generic function if
    the linker folded that one into an identical twin (LOAD_FAST's code is the same under
    every allocator)."""
    generic = name.split("::<", 1)[0] + "::<"
    matches = [i for i, (_, sym) in enumerate(rows) if sym == name] or \
        [i for i, (_, sym) in enumerate(rows) if sym.startswith(generic) and "NoObserver" in sym]
    for i in matches[:1]:
        addr = rows[i][0]
        if True:
            end = next(a for a, _ in rows[i + 1:] if a > addr)
            out = subprocess.run(["objdump", "-d", "--no-show-raw-insn", "-C",
                                  f"--start-address={addr:#x}", f"--stop-address={end:#x}",
                                  binary], capture_output=True, text=True, check=True).stdout
            lines = [l.split("\t", 1)[1] for l in out.splitlines() if re.match(r"\s+[0-9a-f]+:\t", l)]
            return [re.sub(r"<[^>]*>", "", l).rstrip() for l in lines if l.strip() != "int3"]
    raise SystemExit(f"no symbol {name}")


def dispatch_sequence(listing):
    """The instructions from the loop's fetch (two byte loads) to its first indirect jump."""
    for i, line in enumerate(listing):
        if re.match(r"(jmp|call)\s+\*", line):
            for j in range(i, max(0, i - 30), -1):
                if listing[j].startswith("movzbl (") and listing[j + 1].startswith("movzbl 0x1("):
                    return listing[j:i + 1]
    return []


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rceval", default="target/rceval-plain")
    ap.add_argument("--out", required=True)
    opts = ap.parse_args()
    rows = symbols(opts.rceval)
    parts = [("tailcall: `LoadFast` (handler + fetch + `become`)",
              disassemble(opts.rceval, rows,
                           f"rceval_dispatch::tailcall::functions::LoadFast::<{ALLOC}>")),
             ("callthread: `LoadFast` in the uniform shape (called from the loop)",
              disassemble(opts.rceval, rows,
                          f"rceval_dispatch::handlers::uniform::LoadFast::<{ALLOC}>")),
             ("callthread: the loop's fetch and call",
              dispatch_sequence(disassemble(
                  opts.rceval, rows,
                  f"<rceval_dispatch::callthread::CallThread as rceval_dispatch::Dispatch>::run::<{ALLOC}>")) or
              ["(not found)"])]
    for name, ty in [("switch", "rceval_dispatch::switch::Switch"),
                     ("predict", "rceval_dispatch::predict::Predict")]:
        listing = disassemble(opts.rceval, rows,
                              f"<{ty} as rceval_dispatch::Dispatch>::run::<{ALLOC}>")
        parts.append((f"{name}: the loop's fetch and dispatch (every handler jumps back here)",
                      dispatch_sequence(listing)))
    md = ["# LOAD_FAST and the dispatch around it, per strategy", "",
          f"`objdump -d` of `{opts.rceval}`, written by `scripts/handler_listings.py`. Register "
          "roles: under `tailcall` (preserve_none) r12 = vm, r13 = frame, r14 = ip, r15 = sp, "
          "edi = oparg; under `switch`/`predict` the cursor is in callee-saved registers of the "
          "loop; under `callthread` it lives in the loop's stack frame, passed by reference.", ""]
    for title, listing in parts:
        md += [f"## {title} ({len(listing)} instructions)", "", "```asm", *listing, "```", ""]
    with open(opts.out, "w") as f:
        f.write("\n".join(md))


if __name__ == "__main__":
    main()
