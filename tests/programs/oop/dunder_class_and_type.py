class A:
    def who(self): return __class__.__name__
    def typ(self): return type(self).__name__
class B(A): pass
b = B()
print(b.who(), b.typ(), b.__class__.__name__, type(b) is B, type(b) == B, B.__class__)
print(type(1), type("s"), type([]), type(None), type(type), type(A), type(len), type(b.who))
print(type(1.0).__name__, type({}).__name__, type(()).__name__, type(set()).__name__, type(range(1)).__name__)
print(type(x for x in []).__name__, type(lambda: 0).__name__, type(print).__name__)
T = type("T", (A,), {"v": 5, "f": lambda self: self.v * 2})
t = T()
print(T.__name__, t.v, t.f(), t.who(), isinstance(t, A), T.__mro__)
print(b.__class__.__mro__, A.__dict__["who"].__name__)
print(int.__name__, type(3).__mro__)
