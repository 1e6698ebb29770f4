class Count:
    def __init__(self, n): self.i = 0; self.n = n
    def __iter__(self): return self
    def __next__(self):
        if self.i >= self.n: raise StopIteration
        self.i += 1
        return self.i
print(list(Count(4)), sum(Count(10)), [x * x for x in Count(3)])
c = Count(2)
print(next(c), next(c), next(c, "done"))
try:
    next(c)
except StopIteration as e:
    print("stop", repr(e))
it = iter(Count(3))
print(it.__class__.__name__, dict(zip(Count(3), "abc")))
class NotIter:
    def __iter__(self): return 5
try:
    iter(NotIter())
except TypeError as e:
    print(e)
try:
    next(5)
except TypeError as e:
    print(e)
class Gen:
    def __iter__(self):
        yield 1
        yield 2
print(list(Gen()), max(Gen()))
