class Adder:
    def __init__(self, n): self.n = n
    def __call__(self, x, *rest, scale=1, **kw):
        return (self.n + x + sum(rest)) * scale, sorted(kw)
a = Adder(10)
print(a(1), a(1, 2, 3), a(1, scale=2), a(0, z=1, y=2))
print(callable(a), callable(Adder), callable(5), callable(print))
print(list(map(Adder(1), [1, 2])))
try:
    5()
except TypeError as e:
    print(e)
try:
    "abc"(1)
except TypeError as e:
    print(e)
class M:
    def method(self): return "m"
    __call__ = method
print(M()())
