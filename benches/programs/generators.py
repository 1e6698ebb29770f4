# bench-args: 18
# default-args: 16
# test-args: 8
# Generators: walk a complete binary tree in order through recursive generators
# (`yield from` at every level), feed the values through a pipeline of generator stages
# and generator expressions, drive a coroutine with send() and collect return values
# through `yield from`, and close() a generator with a finally clause.
# Stresses generator creation, resumption and delegation. Argument: tree depth.
import sys


class Tree:
    __slots__ = ("left", "value", "right")

    def __init__(self, left, value, right):
        self.left = left
        self.value = value
        self.right = right

    def __iter__(self):
        if self.left is not None:
            yield from self.left
        yield self.value
        if self.right is not None:
            yield from self.right


def build(lo, hi):
    """A balanced tree holding lo..hi-1, in order."""
    if lo >= hi:
        return None
    mid = (lo + hi) // 2
    return Tree(build(lo, mid), mid, build(mid + 1, hi))


def scaled(values, factor):
    for v in values:
        yield v * factor


def only_odd(values):
    for v in values:
        if v & 1:
            yield v


def running_sum():
    """A coroutine: send numbers in, send None to finish; returns (count, total)."""
    count = 0
    total = 0
    while True:
        v = yield total
        if v is None:
            return count, total
        count += 1
        total += v


def summarize(values):
    """Delegates to running_sum() and captures its return value."""
    acc = running_sum()
    next(acc)
    for v in values:
        acc.send(v)
    try:
        acc.send(None)
    except StopIteration as stop:
        return stop.value
    raise RuntimeError("running_sum did not finish")


def counted(limit, log):
    try:
        i = 0
        while i < limit:
            yield i
            i += 1
    finally:
        log.append(limit)


def delegating(values):
    result = yield from summary_stage(values)
    yield ("result", result)


def summary_stage(values):
    best = None
    for v in values:
        if best is None or v > best:
            best = v
        yield v
    return best


def main():
    depth = int(sys.argv[1]) if len(sys.argv) > 1 else 18
    tree = build(0, 2 ** depth - 1)
    in_order = 0
    previous = -1
    for v in tree:
        if v != previous + 1:
            raise RuntimeError("tree walk out of order")
        previous = v
        in_order += 1
    print("nodes", in_order)
    print("odd scaled sum", sum(only_odd(scaled(tree, 3))))
    print("squares mod 7", sum(x * x % 7 for x in tree if x % 3 == 0))
    print("zipped walks", sum(a == b for a, b in zip(tree, iter(tree))))
    print("running sum", summarize(v for v in tree if v % 5 == 1))
    log = []
    for limit in range(1, 200):
        gen = counted(limit, log)
        for i in gen:
            if i == limit // 2:
                break
        gen.close()
    print("closed", len(log), sum(log))
    tail = None
    n = 0
    for item in delegating(iter(tree)):
        n += 1
        tail = item
    print("delegated", n, tail)


main()
