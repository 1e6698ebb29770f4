# bench-args: 3
# default-args: 1 30000
# test-args: 1 300
# Async generators: an in-order walk of a balanced binary tree of N values through recursive
# async generators (`async for` over the subtrees at every level), run by asyncio.run.
# Stresses async generator creation and resumption, asend awaitables, `async for` and the
# asyncio event loop. Arguments: how many walks, and optionally N (100000, pyperformance's
# size). Prints how many values the walks saw and a checksum of the last walk's order.
# Adapted from pyperformance's bm_async_generators
# (https://github.com/python/pyperformance, pyperformance/data-files/benchmarks/
# bm_async_generators/run_benchmark.py at commit 1d3e21798ebf2420b62c1eded4ce94453ba15151,
# MIT license, author Kumar Aditya): pyperf's runner replaced by a loop count from sys.argv,
# the tree size made an argument, and a checked walk that prints a result; the tree and its
# walk are unchanged.
"""
Benchmark recursive async generators implemented in python
by traversing a binary tree.

Author: Kumar Aditya
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import AsyncIterator


class Tree:
    def __init__(self, left: Tree | None, value: int, right: Tree | None) -> None:
        self.left = left
        self.value = value
        self.right = right

    async def __aiter__(self) -> AsyncIterator[int]:
        if self.left:
            async for i in self.left:
                yield i
        yield self.value
        if self.right:
            async for i in self.right:
                yield i


def tree(input: range) -> Tree | None:
    n = len(input)
    if n == 0:
        return None
    i = n // 2
    return Tree(tree(input[:i]), input[i], tree(input[i + 1:]))


async def bench_async_generators(size: int) -> None:
    async for _ in tree(range(size)):
        pass


async def checked_walk(size: int) -> tuple:
    count = 0
    checksum = 0
    async for value in tree(range(size)):
        if value != count:
            raise AssertionError("walked %d at position %d" % (value, count))
        count += 1
        checksum = (checksum * 31 + value) % 1000000007
    return count, checksum


if __name__ == "__main__":
    loops = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    size = int(sys.argv[2]) if len(sys.argv) > 2 else 100000
    for _ in range(loops):
        asyncio.run(bench_async_generators(size))
    count, checksum = asyncio.run(checked_walk(size))
    print("walks: %d, values per walk: %d, checksum: %d" % (loops, count, checksum))
