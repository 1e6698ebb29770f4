# bench-args: 50
# default-args: 8
# test-args: 1 12
# Coroutines: recursive coroutines computing Fibonacci numbers, each `await`ing two more,
# driven by hand with send(None) until StopIteration. Stresses coroutine creation, `await`
# delegation (YIELD_FROM into a coroutine) and coroutine frames.
# Arguments: how many times fibonacci(N) runs, and optionally N (25, pyperformance's size).
# Prints the result of each run.
# Adapted from pyperformance's bm_coroutines
# (https://github.com/python/pyperformance, pyperformance/data-files/benchmarks/bm_coroutines/
# run_benchmark.py at commit 1d3e21798ebf2420b62c1eded4ce94453ba15151, MIT license, author
# Kumar Aditya): pyperf's runner and timer replaced by a loop count from sys.argv and a
# printed result; the benchmarked code is unchanged.
"""
Benchmark for recursive coroutines.

Author: Kumar Aditya
"""

import sys


async def fibonacci(n: int) -> int:
    if n <= 1:
        return n
    return await fibonacci(n - 1) + await fibonacci(n - 2)


def bench_coroutines(loops: int, n: int = 25) -> list:
    range_it = range(loops)
    results = []
    for _ in range_it:
        coro = fibonacci(n)
        try:
            while True:
                coro.send(None)
        except StopIteration as stop:
            results.append(stop.value)
    return results


if __name__ == "__main__":
    loops = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    for result in bench_coroutines(loops, n):
        print("fibonacci(%d) = %d" % (n, result))
