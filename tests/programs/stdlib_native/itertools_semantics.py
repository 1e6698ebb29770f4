# itertools results, edge cases, keyword arguments, reprs and types.
import itertools as it
from itertools import (permutations, combinations, combinations_with_replacement, product,
                       count, cycle, repeat, chain, islice, zip_longest, accumulate, starmap,
                       takewhile, dropwhile, filterfalse, compress, groupby, tee, pairwise)

print(list(permutations("abc")))
print(list(permutations(range(4), 2)))
print(list(permutations([], 0)), list(permutations([])), list(permutations([1], 2)))
print(list(permutations([1, 2], 0)), list(permutations(iterable=[1, 2], r=None)))
print(len(list(permutations(range(6)))), len(list(permutations(range(7), 3))))
print(list(combinations("abcd", 2)), list(combinations([], 0)), list(combinations([1], 2)))
print(list(combinations(range(5), 5)), list(combinations(iterable="ab", r=1)))
print(list(combinations_with_replacement("abc", 2)))
print(list(combinations_with_replacement([], 0)), list(combinations_with_replacement([], 2)))
print(list(combinations_with_replacement("ab", 0)), list(combinations_with_replacement("a", 3)))
print(list(product("ab", range(2))), list(product()), list(product([1, 2], [])))
print(list(product("ab", repeat=2)), list(product(repeat=3)), list(product("ab", repeat=0)))
print(list(product([1], [2, 3], repeat=2)))
print(list(product(x for x in range(2))))

c = count()
print(next(c), next(c), c)
print(count(5), count(5, 2), count(1.5), count(1, 1.0), count(1, -1), count(step=2))
print(list(islice(count(10, -3), 4)), list(islice(count(0.5, 0.25), 3)))


class Num:
    def __init__(self, v):
        self.v = v

    def __add__(self, other):
        return Num(self.v + other.v)

    def __float__(self):
        return float(self.v)

    def __repr__(self):
        return f"Num({self.v})"


print(list(islice(count(Num(1), Num(10)), 3)), count(Num(2), Num(3)))
big = count(2**63 - 2)
print(next(big), next(big), next(big))

print(list(islice(cycle("abc"), 7)), list(cycle([])))
def once():
    yield 1
    yield 2
print(list(islice(cycle(once()), 5)))

print(repeat(1, 3), repeat("a"), repeat([1], 0), repeat(None, -5))
r = repeat(7, 2)
print(list(r), r, list(repeat(object="x", times=3)))

print(list(chain("ab", [1, 2], (), range(2))), list(chain()))
print(list(chain.from_iterable(["ab", "cd", []])), type(chain.from_iterable([])).__name__)

print(list(islice("abcdefg", 2)), list(islice("abcdefg", 2, 4)), list(islice("abcdefg", 2, None)))
print(list(islice("abcdefg", 0, None, 2)), list(islice("abcdefg", None)), list(islice("abc", 5, 9)))
print(list(islice("abcdefg", None, None, 3)), list(islice(range(10), 1, 8, 3)))
src = iter(range(10))
print(list(islice(src, 3)), next(src))
src = iter(range(10))
print(list(islice(src, 2, 4)), next(src))

print(list(zip_longest("abc", [1])), list(zip_longest("ab", "xyz", fillvalue="-")))
print(list(zip_longest()), list(zip_longest([])), list(zip_longest([1], [], [2, 3])))

print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3], initial=100)))
print(list(accumulate([3, 1, 4, 1, 5], max)), list(accumulate([], initial=0)), list(accumulate([])))
print(list(accumulate("abc")), list(accumulate([1, 2, 3], lambda a, b: a * b)))
print(list(accumulate(iterable=[1, 2], func=None, initial=None)))

print(list(starmap(pow, [(2, 5), (3, 2)])), list(starmap(lambda *a: a, ["ab", [1]])))
print(list(takewhile(lambda x: x < 3, [1, 2, 3, 1])), list(dropwhile(lambda x: x < 3, [1, 2, 3, 1])))
print(list(filterfalse(None, [0, 1, "", "a"])), list(filterfalse(lambda x: x % 2, range(6))))
print(list(compress("abcdef", [1, 0, 1, 1])), list(compress("ab", [1, 1, 1, 1])))
print(list(compress(data="abc", selectors=[0, 1, 1])))

print([(k, list(g)) for k, g in groupby("aaabbcaa")])
print([(k, list(g)) for k, g in groupby([1, 3, 2, 4, 5], key=lambda x: x % 2)])
print([k for k, g in groupby("aabbb")], list(groupby([])))
groups = list(groupby("aabbc"))
print([(k, list(g)) for k, g in groups])
g = groupby("aabb")
k1, g1 = next(g)
print(k1, next(g1))
k2, g2 = next(g)
print(k2, list(g1), list(g2))
print(type(g1).__name__)

a, b = tee([1, 2, 3])
print(list(a), list(b))
a, b, c = tee(iter("abcd"), 3)
print(next(a), next(a), next(b), list(c), list(a), list(b))
print(tee([1], 0), len(tee([1])), type(tee([1])[0]).__name__)
a, b = tee(range(200))
print(sum(a), sum(b))
a, b = tee(count())
for _ in range(1000):
    next(a)
print(next(a), next(b))
x, = tee("xyz", 1)
y, z = tee(x)
print(y is x, next(y), list(z), list(y))
a, b = tee("abc")
c = a.__copy__()
print(next(a), list(c), list(b))

print(list(pairwise("abcd")), list(pairwise("a")), list(pairwise([])))

print(type(permutations([])), it.chain.__name__, it.chain.__module__)
print(isinstance(chain(), chain), isinstance(count(), it.count), type(groupby([])) is groupby)
print(iter(count()) is not None, next(iter(product())))
for name in ["permutations", "combinations", "product", "cycle", "chain", "islice", "zip_longest",
             "accumulate", "starmap", "takewhile", "dropwhile", "filterfalse", "compress",
             "groupby", "pairwise", "combinations_with_replacement"]:
    print(name, getattr(it, name).__name__)
print(repr(chain()).startswith("<itertools.chain object at 0x"))
