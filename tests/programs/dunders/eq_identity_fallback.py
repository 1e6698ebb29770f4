class A: pass
a, b = A(), A()
print(a == a, a == b, a != b, a != a, a is a, [a] == [a], (a,) == (b,))
class NI:
    def __eq__(self, o): return NotImplemented
n = NI()
print(n == n, n == NI(), n != n, n == 1, 1 == n)
class AlwaysEq:
    def __eq__(self, o): return True
print(AlwaysEq() == 5, 5 == AlwaysEq(), None == AlwaysEq(), AlwaysEq() != 1, [AlwaysEq()] == [1, 2][:1])
print(AlwaysEq() in [1, 2], 1 in [AlwaysEq()], {1: 2}.get(1) == AlwaysEq())
