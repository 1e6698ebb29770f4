#!/usr/bin/env bash
# Proves that pyperf itself reads the JSON files `rceval bench` writes, and that
# `rceval compare` prints what `pyperf compare_to` prints for them.
#
# Makes a venv under target/, installs pyperf from PyPI (pinned), runs a `--quick` bench on two
# small programs, then `python -m pyperf compare_to` (list and --table), `stats` and `hist` on
# its JSON, and diffs compare_to's output with `rceval compare`'s.
#
#     scripts/check_pyperf_compat.sh [RCEVAL_BINARY]     (default: cargo build, target/debug/rceval)
set -euo pipefail
cd "$(dirname "$0")/.."

PYPERF_VERSION=2.10.0
venv=target/pyperf-venv
rceval=${1:-}
if [ -z "$rceval" ]; then
    cargo build --quiet --bin rceval
    rceval=target/debug/rceval
fi
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check "pyperf==$PYPERF_VERSION"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$rceval" bench --quick --runs 4 --filter fib,nbody --variants switch,tailcall \
    --out "$work/results" --no-progress --note "scripts/check_pyperf_compat.sh" > "$work/bench.txt"
files=("$work/results/python3.json" "$work/results/switch-heap.json" "$work/results/tailcall-heap.json")

pyperf() { "$venv/bin/python" -m pyperf "$@"; }
pyperf stats "${files[1]}" > /dev/null
pyperf hist "${files[1]}" > /dev/null
for mode in "" "--table" "--table --table-format md"; do
    # shellcheck disable=SC2086
    pyperf compare_to "${files[@]}" $mode > "$work/pyperf.txt"
    # shellcheck disable=SC2086
    "$rceval" compare "${files[@]}" $mode > "$work/rceval.txt"
    if ! diff -u "$work/pyperf.txt" "$work/rceval.txt"; then
        echo "check_pyperf_compat: rceval compare $mode differs from pyperf compare_to $mode" >&2
        exit 1
    fi
done
echo "pyperf $PYPERF_VERSION reads rceval bench's JSON; rceval compare matches pyperf compare_to:"
cat "$work/pyperf.txt"
