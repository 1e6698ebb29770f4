class Counter:
    def __init__(self): self.n = 0
    def __call__(self, step=1):
        self.n += step
        return self.n
c = Counter()
print(c(), c(), c(5), c.n, c.__call__(2))
print(sorted([3, 1, 2], key=Counter()), list(map(Counter(), [1, 1, 1])))
class Compose:
    def __init__(self, *fs): self.fs = fs
    def __call__(self, x):
        for f in reversed(self.fs):
            x = f(x)
        return x
inc = lambda x: x + 1
dbl = lambda x: x * 2
print(Compose(inc, dbl)(5), Compose(dbl, inc)(5), Compose()(7))
class Meth:
    def __call__(self, *a, **k): return a, k
m = Meth()
print(m(), m(1, 2), m(x=1), m(*[1, 2], **{"y": 3}))
