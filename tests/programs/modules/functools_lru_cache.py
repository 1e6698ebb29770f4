from functools import lru_cache, cache

@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(80), fib.cache_info())
fib.cache_clear()
print(fib.cache_info(), fib(10), fib.cache_info())

@lru_cache
def square(x):
    print("computing", x)
    return x * x

print(square(4), square(4), square(5), square.cache_info())

calls = []
@lru_cache(maxsize=2)
def tracked(x):
    calls.append(x)
    return -x

for x in [1, 2, 1, 3, 2, 1, 1]:
    tracked(x)
print(calls, tracked.cache_info())

@cache
def paths(r, c):
    if r == 0 or c == 0:
        return 1
    return paths(r - 1, c) + paths(r, c - 1)
print(paths(16, 16), paths.cache_info().currsize)

@lru_cache(maxsize=32)
def kw(a, b=1, *, c=2):
    return a + b + c
print(kw(1), kw(1, 2), kw(1, b=2), kw(1, c=5), kw.cache_info())
print(fib.__name__, square.__name__, fib.__wrapped__(1))

@lru_cache(maxsize=0)
def nocache(x):
    return x
nocache(1); nocache(1)
print(nocache.cache_info())

class Grid:
    def __init__(self, n):
        self.n = n
    @lru_cache(maxsize=None)
    def cells(self, k):
        return self.n * k
g = Grid(3)
print(g.cells(4), g.cells(4), Grid.cells.cache_info())
info = fib.cache_info()
print(info.hits, info.misses, info.maxsize, info.currsize)
