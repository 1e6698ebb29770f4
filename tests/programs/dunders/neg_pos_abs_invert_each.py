class Vec:
    def __init__(self, *c): self.c = c
    def __repr__(self): return f"Vec{self.c}"
    def __neg__(self): return Vec(*(-x for x in self.c))
    def __pos__(self): return Vec(*(abs(x) for x in self.c))
    def __abs__(self): return sum(x * x for x in self.c) ** 0.5
    def __invert__(self): return Vec(*reversed(self.c))
v = Vec(3, -4)
print(-v, +v, abs(v), ~v, -(-v), abs(-v), ~~v)
class OnlyNeg:
    def __neg__(self): return "neg"
o = OnlyNeg()
print(-o)
for f in (lambda: +o, lambda: abs(o), lambda: ~o):
    try:
        f()
    except TypeError as e:
        print(e)
