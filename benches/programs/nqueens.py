# bench-args: 55
# default-args: 6
# test-args: 1 6
# N-Queens by brute force: walk every permutation of the columns (itertools.permutations)
# and keep those whose two diagonal sets are full, tested with set-building generator
# expressions; then the same count by a recursive backtracking generator over bitmasks.
# Stresses generators, generator expressions, sets, tuples and int bit operations.
# Arguments: how many rounds, and optionally the board size n (8 by default).
import sys
from itertools import permutations


def queens_by_permutation(n):
    columns = range(n)
    for rows in permutations(columns):
        if (n == len(set(rows[c] + c for c in columns))
                == len(set(rows[c] - c for c in columns))):
            yield rows


def queens_by_backtracking(n, row=0, cols=0, diag_down=0, diag_up=0, placed=()):
    if row == n:
        yield placed
        return
    for c in range(n):
        down = 1 << (row + c)
        up = 1 << (row - c + n)
        if cols >> c & 1 or diag_down & down or diag_up & up:
            continue
        yield from queens_by_backtracking(n, row + 1, cols | 1 << c, diag_down | down,
                                          diag_up | up, placed + (c,))


def fingerprint(solutions):
    total = 0
    for rows in solutions:
        for r in rows:
            total = (total * 7 + r) % 1000000007
    return total


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 55
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 8
    for _ in range(rounds):
        brute = list(queens_by_permutation(n))
        search = list(queens_by_backtracking(n))
        if sorted(brute) != sorted(search):
            raise RuntimeError("the two searches disagree")
    print("rounds", rounds, "n", n)
    print("solutions", len(brute))
    print("first", brute[0] if brute else None, "last", brute[-1] if brute else None)
    print("fingerprint", fingerprint(brute), fingerprint(search))


main()
