class U:
    def __init__(self, v): self.v = v
    def __neg__(self): return U(-self.v)
    def __pos__(self): return U(+self.v * 10)
    def __abs__(self): return U(abs(self.v))
    def __invert__(self): return U(~self.v)
    def __repr__(self): return f"U({self.v})"
u = U(-3)
print(-u, +u, abs(u), ~u, -(-u))
for f in (lambda: -object(), lambda: +"s", lambda: ~1.5, lambda: abs("x")):
    try:
        f()
    except TypeError as e:
        print(e)
print(-True, +False, ~True, abs(-2.5), -(2**64), ~(2**70))
