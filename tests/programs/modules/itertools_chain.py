from itertools import chain

print(list(chain([1, 2], (3, 4), "ab", range(2))))
print(list(chain()), list(chain([], [], [5])))
print(list(chain.from_iterable([[1, 2], [3], [], [4, 5, 6]])))
print(list(chain.from_iterable(["abc", "de"])))
def gen():
    yield [1]
    yield (2, 3)
print(list(chain.from_iterable(gen())))
c = chain([1], [2])
print(next(c), next(c))
try:
    next(c)
except StopIteration:
    print("stopped")
print(sum(chain(range(5), range(10, 12))))
print(sorted(chain({3, 1}, [2])))
