# gh-142183, one depth: recurse to `depth` (argument 1), then make `calls` (argument 2) calls
# in a loop. At the depth where the caller's frame ends a data-stack chunk, every call crosses.
import sys


def leaf(a, b):
    return a + b


def at_depth(n, calls):
    if n == 0:
        total = 0
        for i in range(calls):
            total = leaf(total, i)
        return total
    return at_depth(n - 1, calls)


print(at_depth(int(sys.argv[1]), int(sys.argv[2])))
