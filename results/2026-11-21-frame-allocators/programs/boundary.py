# gh-142183 at benchmark size: a loop of calls made at every depth in a range, so some depth
# sits exactly at a data-stack chunk boundary. Arguments: calls per depth.
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


calls = int(sys.argv[1])
print(sum(at_depth(d, calls) for d in range(1, 160)))
