#!/usr/bin/env bash
# Runs the instruction-count benches (callgrind through gungraun; needs valgrind) and writes
# the derived figures to a results folder:
#
#   scripts/instruction_benches.sh [OUT_DIR]    # default results/DATE-instruction-counts
#
# Installs gungraun-runner into target/tools/ first if it is not there
# (scripts/install_gungraun_runner.sh). Takes about ten minutes on two cores.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v valgrind >/dev/null; then
    echo "instruction_benches: valgrind is not installed (apt-get install valgrind)" >&2
    exit 2
fi
eval "$(scripts/install_gungraun_runner.sh)"
out=${1:-results/$(date -u +%F)-instruction-counts}
cargo bench -p rceval-benches --bench instructions
cargo run --quiet --profile bench -p rceval-benches --example instruction_report -- \
    --out "$out" --command "scripts/instruction_benches.sh $*"
