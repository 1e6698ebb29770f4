# bench-args: 2800000
# default-args: 300000
# test-args: 3000
# Unpack sequence: tight loops of tuple and list unpacking (ten names at once, pairs,
# swaps, starred targets, nested targets and unpacking in for-loop headers).
# Stresses UNPACK_SEQUENCE / UNPACK_EX, BUILD_TUPLE and local variable traffic.
# Argument: number of loop iterations.
import sys


def unpack_tuples(loops, seq):
    total = 0
    for _ in range(loops):
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        total += a + j
    return total


def unpack_lists(loops, seq):
    total = 0
    for _ in range(loops):
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        a, b, c, d, e, f, g, h, i, j = seq
        total += b + i
    return total


def swaps(loops):
    x, y, z = 1, 2, 3
    for _ in range(loops):
        x, y = y, x
        y, z = z, y
        x, y, z = z, x, y
        x, y, z = y, z, x
        x, y = y, x
        x, y, z = z, y, x
    return x * 100 + y * 10 + z


def starred(loops, seq):
    total = 0
    for _ in range(loops):
        first, *middle, last = seq
        head, *tail = seq
        *init, end = seq
        a, b, *rest = seq
        total += first + last + len(middle) + head + len(tail) + end + len(init) + a + b + len(rest)
    return total


def nested(loops, pairs):
    total = 0
    for _ in range(loops):
        for (a, b), (c, d) in pairs:
            total += a * d - b * c
        (p, (q, r)), s = (1, (2, 3)), 4
        total += p + q + r + s
    return total


def main():
    loops = int(sys.argv[1]) if len(sys.argv) > 1 else 2800000
    seq = tuple(range(1, 11))
    pairs = [((i, i + 1), (i + 2, i * 3)) for i in range(5)]
    print("tuples", unpack_tuples(loops, seq))
    print("lists", unpack_lists(loops, list(seq)))
    print("swaps", swaps(loops))
    print("starred", starred(loops // 4, seq))
    print("nested", nested(loops // 4, pairs))


main()
