class R:
    def __init__(self, v): self.v = v
    def __repr__(self): return f"R({self.v})"
    def __radd__(self, o): return R(o + self.v)
    def __rsub__(self, o): return R(o - self.v)
    def __rmul__(self, o): return R(o * self.v)
    def __rtruediv__(self, o): return R(o / self.v)
    def __rfloordiv__(self, o): return R(o // self.v)
    def __rmod__(self, o): return R(o % self.v)
    def __rpow__(self, o): return R(o ** self.v)
    def __rlshift__(self, o): return R(o << self.v)
    def __rrshift__(self, o): return R(o >> self.v)
    def __rand__(self, o): return R(o & self.v)
    def __ror__(self, o): return R(o | self.v)
    def __rxor__(self, o): return R(o ^ self.v)
    def __rmatmul__(self, o): return "rmatmul"
    def __rdivmod__(self, o): return ("rdivmod", o)
r = R(3)
print(10 + r, 10 - r, 10 * r, 9 / r, 10 // r, 10 % r, 2 ** r, 1 << r, 64 >> r)
print(6 & r, 4 | r, 5 ^ r, [1] @ r, divmod(7, r), "s" * R(2), 1.5 + r)
print(sum([R(1), R(2)], 0))
try:
    "a" + R(1)
except TypeError as e:
    print("TypeError", e)
try:
    R(1) + R(2)
except TypeError as e:
    print(e)
try:
    r - 1
except TypeError as e:
    print(e)
