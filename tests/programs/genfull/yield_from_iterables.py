def g():
    yield from [1, 2]
    yield from "ab"
    yield from range(3, 5)
    yield from (x * 10 for x in range(2))
    yield from {"k": 1}
    r = yield from []
    print("empty returns", r)
print(list(g()))
class It:
    def __init__(self): self.n = 0
    def __iter__(self): return self
    def __next__(self):
        self.n += 1
        if self.n > 2: raise StopIteration
        return self.n
def h():
    yield from It()
print(list(h()))
def bad():
    yield from 5
try:
    list(bad())
except TypeError as e:
    print(e)
def sender():
    yield from [1, 2]
s = sender(); next(s)
try:
    s.send("x")
except AttributeError as e:
    print(e)
def chain(*its):
    for it in its:
        yield from it
print(list(chain([1], (2,), {3})))
def flatten(x):
    if isinstance(x, list):
        for y in x:
            yield from flatten(y)
    else:
        yield x
print(list(flatten([1, [2, [3, [4, [5]]]], 6])))
