#!/usr/bin/env python3
"""Counts the bytecode instructions CPython executes for Python programs, as a cross-check of
`rceval run --dxp` totals.

Each program runs in its own `python3` process (PYTHONHASHSEED=0) under a `sys.settrace`
tracer that sets `f_trace_opcodes` on every frame and counts the 'opcode' events, i.e. one per
executed instruction of the program's own code (the tracer's code is not traced, and neither
is code in C). Output: JSON, `{"format": "cpython-executed-instructions", "python": ...,
"programs": [{"program", "args", "executed", "opcodes"}]}`, which `rceval dxp report --cpython`
reads.

    python3 scripts/cpython_executed.py [--size test|bench] [--out COUNTS.json] [PROGRAM [ARGS...]]

Without PROGRAM it counts every benches/programs/*.py at its `# test-args:` (or
`# bench-args:`) size.
"""

import argparse
import dis
import glob
import json
import os
import subprocess
import sys

FORMAT = "cpython-executed-instructions"


def header(path, key):
    with open(path) as f:
        for line in f:
            if not line.startswith("#"):
                break
            if line.startswith(f"# {key}:"):
                return line.split(":", 1)[1].split()
    return []


def count_in_this_process(program, args):
    """Runs `program` as __main__ with sys.argv = [program, *args] and returns the counts."""
    counts = {}

    def local_trace(frame, event, arg):
        if event == "opcode":
            name = dis.opname[frame.f_code.co_code[frame.f_lasti]]
            counts[name] = counts.get(name, 0) + 1
        return local_trace

    def global_trace(frame, event, arg):
        frame.f_trace_opcodes = True
        return local_trace

    with open(program) as f:
        code = compile(f.read(), program, "exec")
    sys.argv = [program, *args]
    real_stdout = sys.stdout
    sys.stdout = open(os.devnull, "w")
    exit_code = 0
    sys.settrace(global_trace)
    try:
        exec(code, {"__name__": "__main__", "__file__": program, "__builtins__": __builtins__})
    except SystemExit as e:
        exit_code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
    finally:
        sys.settrace(None)
        sys.stdout.close()
        sys.stdout = real_stdout
    return {
        "program": program,
        "args": list(args),
        "exit_code": exit_code,
        "executed": sum(counts.values()),
        "opcodes": dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))),
    }


def count(program, args):
    env = dict(os.environ, PYTHONHASHSEED="0")
    out = subprocess.run(
        [sys.executable, __file__, "--child", program, *args],
        capture_output=True, text=True, check=True, env=env,
    ).stdout
    return json.loads(out)


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        print(json.dumps(count_in_this_process(sys.argv[2], sys.argv[3:])))
        return
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size", choices=["test", "bench"], default="test")
    ap.add_argument("--out", help="write the JSON here instead of stdout")
    ap.add_argument("program", nargs="?")
    ap.add_argument("args", nargs=argparse.REMAINDER)
    opts = ap.parse_args()
    if opts.program:
        jobs = [(opts.program, opts.args)]
    else:
        jobs = [(p, header(p, f"{opts.size}-args")) for p in sorted(glob.glob("benches/programs/*.py"))]
    result = {
        "format": FORMAT,
        "python": sys.version.split()[0],
        "programs": [count(p, a) for p, a in jobs],
    }
    text = json.dumps(result, indent=2) + "\n"
    if opts.out:
        with open(opts.out, "w") as f:
            f.write(text)
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
