class Acc:
    def __init__(self): self.items = []
    def __iadd__(self, o):
        self.items.append(o)
        return self
    def __isub__(self, o):
        self.items.remove(o)
        return self
    def __imul__(self, k):
        self.items = self.items * k
        return self
    def __repr__(self): return f"Acc{self.items}"
a = Acc()
b = a
a += 1
a += 2
a -= 1
a *= 2
print(a, a is b)
class OnlyAdd:
    def __init__(self, v): self.v = v
    def __add__(self, o): return OnlyAdd(self.v + o)
x = OnlyAdd(1)
y = x
x += 5
print(x.v, y.v, x is y)
class Other:
    def __ior__(self, o): return NotImplemented
    def __or__(self, o): return "or"
z = Other()
z |= 3
print(z)
class I:
    def __ifloordiv__(self, o): return "ifloordiv"
    def __imod__(self, o): return "imod"
    def __ipow__(self, o): return "ipow"
    def __ilshift__(self, o): return "ilshift"
    def __irshift__(self, o): return "irshift"
    def __iand__(self, o): return "iand"
    def __ixor__(self, o): return "ixor"
    def __itruediv__(self, o): return "itruediv"
    def __imatmul__(self, o): return "imatmul"
    def __ior__(self, o): return "ior"
v = I(); v //= 2; print(v)
v = I(); v %= 2; print(v)
v = I(); v **= 2; print(v)
v = I(); v <<= 2; print(v)
v = I(); v >>= 2; print(v)
v = I(); v &= 2; print(v)
v = I(); v ^= 2; print(v)
v = I(); v /= 2; print(v)
v = I(); v @= 2; print(v)
v = I(); v |= 2; print(v)
l = [1]
l2 = l
l += [2]
print(l, l2 is l)
t = (1,)
t2 = t
t += (2,)
print(t, t2)
try:
    n = None
    n += 1
except TypeError as e:
    print(e)
