#!/bin/bash
# Host instructions (callgrind, deterministic whatever the load) of each benchmark program under
# each rceval binary given, tailcall dispatch with zombie frames, at small sizes that keep a
# run under a minute; the last column is the last binary's count over the first's.
#   PROGS="richards go" scripts/callgrind_programs.sh OLD_BINARY NEW_BINARY
# The sizes are chosen here (not the programs' # test-args:, which are too small to leave
# start-up behind, nor # default-args:, too slow under valgrind).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
declare -A ARGS=([richards]=1 [raytrace]=15 [chaos]=2000 [go]=2 [float]=20000 [nbody]=20000 [generators]=3 [deltablue]=10 [nqueens]=6 [hexiom]=1 [pyflate]=1 [wordfreq]=1 [fannkuch]=7 [spectral_norm]=60 [unpack_sequence]=2000 [closures]=20000 [fib]=20 [pidigits]=200 [scimark]=1)
PROGS=${PROGS:-$(cd "$ROOT/benches/programs" && ls *.py | sed 's/\.py$//')}
for p in $PROGS; do
  line="$p"
  # A program without a size here runs at its # test-args: size.
  size=${ARGS[$p]:-$(sed -n 's/^# test-args: *//p' "$ROOT/benches/programs/$p.py")}
  for b in "$@"; do
    n=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null $b run --dispatch tailcall --frames zombie $ROOT/benches/programs/$p.py $size 2>&1 >/dev/null | grep Collected | awk '{print $NF}')
    line="$line $n"
  done
  echo $line | awk '{printf "%-16s", $1; for(i=2;i<=NF;i++) printf " %14s", $i; if (NF>2) printf "  ratio %.3f", $NF/$2; printf "\n"}'
done
