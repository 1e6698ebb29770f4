class N:
    def __init__(self, v): self.v = v
    def __repr__(self): return f"N({self.v})"
    def __add__(self, o): return N(self.v + (o.v if isinstance(o, N) else o))
    def __sub__(self, o): return N(self.v - (o.v if isinstance(o, N) else o))
    def __mul__(self, o): return N(self.v * (o.v if isinstance(o, N) else o))
    def __truediv__(self, o): return N(self.v / o)
    def __floordiv__(self, o): return N(self.v // o)
    def __mod__(self, o): return N(self.v % o)
    def __pow__(self, o, m=None): return N(pow(self.v, o, m))
    def __lshift__(self, o): return N(self.v << o)
    def __rshift__(self, o): return N(self.v >> o)
    def __and__(self, o): return N(self.v & o)
    def __or__(self, o): return N(self.v | o)
    def __xor__(self, o): return N(self.v ^ o)
    def __matmul__(self, o): return "matmul"
    def __divmod__(self, o): return (self.v // o, self.v % o)
n = N(7)
print(n + 1, n + N(2), n - 2, n * 3, n / 2, n // 2, n % 4, n ** 2, pow(n, 2, 5))
print(n << 2, n >> 1, n & 3, n | 8, n ^ 5, n @ n, divmod(n, 3))
