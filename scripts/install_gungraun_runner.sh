#!/usr/bin/env bash
# Installs gungraun-runner, the binary `cargo bench --bench instructions` hands its benchmarks
# to, at exactly the version of the gungraun library in Cargo.lock (the two must match, or the
# runner refuses to run), into target/tools/ so nothing outside this checkout changes.
#
#   scripts/install_gungraun_runner.sh          # prints the GUNGRAUN_RUNNER line to use
#   export GUNGRAUN_RUNNER="$PWD/target/tools/bin/gungraun-runner"
#   cargo bench -p rceval-benches --bench instructions
#
# Valgrind itself comes from the system's packages (`apt-get install valgrind`).
set -euo pipefail
cd "$(dirname "$0")/.."

version=$(cargo metadata --format-version 1 --locked |
    python3 -c 'import json, sys
packages = json.load(sys.stdin)["packages"]
print(next(p["version"] for p in packages if p["name"] == "gungraun"))')
root="$PWD/target/tools"
runner="$root/bin/gungraun-runner"

if [[ -x "$runner" ]] && "$runner" --version 2>/dev/null | grep -qF "$version"; then
    echo "gungraun-runner $version is already in $root/bin" >&2
else
    cargo install gungraun-runner --version "=$version" --locked --root "$root"
fi
if ! command -v valgrind >/dev/null; then
    echo "warning: valgrind is not installed (apt-get install valgrind); the instruction benches need it" >&2
fi
echo "export GUNGRAUN_RUNNER=$runner"
