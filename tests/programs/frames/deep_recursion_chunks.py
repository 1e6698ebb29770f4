# Recursion deep enough to cross many data-stack chunks, with frames of several sizes, and
# returns all the way down and up again.
import sys

sys.setrecursionlimit(50000)


def small(n):
    if n == 0:
        return 0
    return 1 + small(n - 1)


def large(n, a=1, b=2, c=3, d=4, e=5, f=6, g=7, h=8):
    i, j, k, l, m, o, p, q = a, b, c, d, e, f, g, h
    if n == 0:
        return i + j + k + l + m + o + p + q
    return large(n - 1, b, c, d, e, f, g, h, a) + (n % 3)


def mixed(n):
    if n == 0:
        return []
    if n % 2:
        return [small(3)] + mixed(n - 1)
    return [large(2)] + mixed(n - 1)


print(small(30000))
print(large(10000))
print(sum(mixed(3000)))
for depth in (1000, 20000, 100, 30000):
    print(depth, small(depth), large(depth // 10))
