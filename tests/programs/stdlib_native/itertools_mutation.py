# itertools over inputs that change, fail or re-enter while they are iterated.
from itertools import (chain, cycle, islice, permutations, product, tee, groupby, zip_longest,
                       accumulate, takewhile, pairwise)

# Pools are copied when the iterator is made: later changes do not show.
pool = [1, 2, 3]
p = permutations(pool, 2)
pool.append(4)
print(list(p))
pool = ["a", "b"]
pr = product(pool, repeat=2)
pool.clear()
print(list(pr))

# Lazy adapters see changes to what they iterate, and its errors.
items = [1, 2]
c = chain(items, [9])
print(next(c))
items.append(3)
print(list(c))

d = {1: 1}
try:
    for k in chain(d):
        d[k + 1] = 0
except RuntimeError as e:
    print("RuntimeError", e)

def boom():
    yield 1
    raise ValueError("boom")
for make in [lambda: list(cycle(boom())), lambda: list(islice(boom(), 5)),
             lambda: list(zip_longest(boom(), [1, 2, 3])), lambda: list(accumulate(boom())),
             lambda: list(pairwise(boom())), lambda: list(tee(boom())[0]),
             lambda: [list(g) for k, g in groupby(boom())]]:
    try:
        make()
    except ValueError as e:
        print("ValueError", e)

def bad_key(x):
    if x == 3:
        raise KeyError(x)
    return x
try:
    print([(k, list(g)) for k, g in groupby([1, 1, 2, 3], key=bad_key)])
except KeyError as e:
    print("KeyError", e)

try:
    list(takewhile(lambda x: 1 / x, [2, 1, 0]))
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)

# An exhausted iterator stays exhausted.
it = iter([1])
ch = chain(it)
print(list(ch), list(ch))
it = [1, 2]
p = pairwise(it)
print(list(p))
it.append(3)
print(list(p))

# tee: a source read through one tee and directly.
src = iter(range(5))
a, b = tee(src)
print(next(a), next(src), next(b), list(b))

# A tee re-entered from its own source.
def reenter():
    yield 1
    yield next(t1)
t1, t2 = tee(reenter())
try:
    print(list(t1))
except RuntimeError as e:
    print("RuntimeError", e)
