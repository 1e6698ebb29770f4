#!/usr/bin/env python3
"""Resumes per second of `rceval worker` against the number of workers (1, 2, 4), for both
workflow stores (SQLite, PostgreSQL) and two snapshot sizes. Not a test: a measurement, written
to results/<date>-workflows/ (results.json and README.md, with the machine and commit).

Each configuration: a fresh store; N workflows started with `rceval run --store` (each waits
three times); all 3N events recorded with `rceval send --queue`; then K worker processes with
`--once` started together, and the time until the last one exits (every workflow finished) is
measured. A resume there is the whole cycle: claim (one transaction), rebuild the program from
its snapshot, run it to its next wait, write the next snapshot with the output (one
transaction, committed to disk).

    scripts/bench_workflows.py [--rceval target/release/rceval] [--workflows 100]

PostgreSQL: RCEVAL_TEST_POSTGRES_URL, or a throwaway server from scripts/pg_local.sh.
"""
import argparse
import json
import os
import platform
import sqlite3
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
from measurement_metadata import head_commit, sh  # noqa: E402

PROGRAMS = {
    # The chaos test's workflow: a few names and numbers in flight.
    "small": "import durable, sys\nme = sys.argv[1]\nseen = []\n"
    "for name in ['a', 'b', 'c']:\n    seen.append(durable.wait(name))\n    print(me, name, sum(seen))\n",
    # The same with 20,000 ints in a list the program keeps.
    "large": "import durable, sys\nme = sys.argv[1]\nseen = []\nbig = list(range(20000))\n"
    "for name in ['a', 'b', 'c']:\n    seen.append(durable.wait(name))\n    print(me, name, sum(seen) + len(big))\n",
}
WORKERS = [1, 2, 4]


def run(cmd, cwd, ok=(0,)):
    p = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    if p.returncode not in ok:
        sys.exit(f"{' '.join(cmd)}: status {p.returncode}\n{p.stderr}")
    return p


def psql(url, sql):
    return sh(["psql", "-X", "-q", "-t", "-A", url, "-c", sql])


def fresh_store(kind, folder, url, tag):
    if kind == "sqlite":
        return os.path.join(folder, f"{tag}.db")
    schema = "bench_" + tag.replace("-", "_")
    psql(url, f"DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema};")
    return f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}"


def snapshot_bytes(kind, store):
    sql = "SELECT avg(length(data)) FROM snapshots"
    if kind == "sqlite":
        return int(sqlite3.connect(store).execute(sql).fetchone()[0])
    return int(float(psql(store, sql)))


def measure(rceval, kind, folder, url, size, workers, n):
    tag = f"{kind}-{size}-{workers}"
    store = fresh_store(kind, folder, url, tag)
    prog = os.path.join(folder, f"{size}.py")
    for w in range(1, n + 1):
        run([rceval, "run", "--store", store, prog, str(w)], folder, ok=(75,))
    snap = snapshot_bytes(kind, store)
    for w in range(1, n + 1):
        for name in "abc":
            run([rceval, "send", "--store", store, "--id", str(w), "--wait-name", name,
                 "--queue", str(w)], folder)
    start = time.perf_counter()
    procs = [subprocess.Popen([rceval, "worker", "--store", store, "--once"], cwd=folder,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
             for _ in range(workers)]
    for p in procs:
        _, err = p.communicate()
        if p.returncode != 0:
            sys.exit(f"worker failed: {err.decode()}")
    elapsed = time.perf_counter() - start
    listing = run([rceval, "workflows", "--store", store], folder).stdout
    done = listing.count(" finished ")
    if done != n:
        sys.exit(f"{tag}: {done} of {n} workflows finished\n{listing}")
    return {"store": kind, "snapshot": size, "snapshot_bytes": snap, "workers": workers,
            "workflows": n, "resumes": 3 * n, "seconds": round(elapsed, 3),
            "resumes_per_second": round(3 * n / elapsed, 1)}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rceval", default="target/release/rceval")
    ap.add_argument("--workflows", type=int, default=100)
    ap.add_argument("--out", default=None)
    args = ap.parse_args()
    rceval = os.path.abspath(args.rceval)
    url = os.environ.get("RCEVAL_TEST_POSTGRES_URL")
    pg_dir = None
    if not url:
        env = sh(["scripts/pg_local.sh", "start"])
        for line in env.splitlines():
            key, value = line.removeprefix("export ").split("=", 1)
            if key == "PG_LOCAL_DIR":
                pg_dir = value
            else:
                url = value
    rows = []
    try:
        with tempfile.TemporaryDirectory(prefix="rceval-bench-wf-") as folder:
            for size, source in PROGRAMS.items():
                with open(os.path.join(folder, f"{size}.py"), "w") as f:
                    f.write(source)
            for kind in ["sqlite", "postgres"]:
                for size in PROGRAMS:
                    for workers in WORKERS:
                        row = measure(rceval, kind, folder, url, size, workers, args.workflows)
                        print(json.dumps(row), flush=True)
                        rows.append(row)
    finally:
        if pg_dir:
            subprocess.run(["scripts/pg_local.sh", "stop", pg_dir], capture_output=True)
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo")
                if l.startswith("model name")), "")
    meta = {
        "date": time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime()),
        "command": " ".join(["scripts/bench_workflows.py"] + sys.argv[1:]),
        "commit": head_commit(),
        "machine": f"{cpu}, {os.cpu_count()} CPUs, {platform.system()} {platform.release()}",
        "rustc": sh(["rustc", "-V"]),
        "rceval": rceval,
        "sqlite": "bundled with rusqlite (journal_mode=delete, synchronous=full)",
        "postgresql": sh(["psql", "-X", "-t", "-A", url, "-c", "SHOW server_version"])
        if not pg_dir else "pg_local.sh's server (stopped)",
        "load": open("/proc/loadavg").read().split()[:3],
    }
    out = args.out or f"results/{time.strftime('%Y-%m-%d')}-workflows"
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "results.json"), "w") as f:
        json.dump({"metadata": meta, "rows": rows}, f, indent=2)
    lines = [f"# Workflow resumes per second ({meta['date']})", "",
             "Produced by `scripts/bench_workflows.py`: " + __doc__.split("\n\n")[1].replace("\n", " "),
             "", "| store | snapshot | snapshot bytes | workers | resumes | seconds | resumes/s |",
             "|---|---|---|---|---|---|---|"]
    for r in rows:
        lines.append(f"| {r['store']} | {r['snapshot']} | {r['snapshot_bytes']} | {r['workers']} "
                     f"| {r['resumes']} | {r['seconds']} | {r['resumes_per_second']} |")
    lines += ["", "Metadata:", ""] + [f"- {k}: {v}" for k, v in meta.items()]
    with open(os.path.join(out, "README.md"), "w") as f:
        f.write("\n".join(lines) + "\n")
    print(f"wrote {out}/")


if __name__ == "__main__":
    main()
