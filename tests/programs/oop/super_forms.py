class A:
    x = "A.x"
    def f(self): return "A.f"
    @classmethod
    def cm(cls): return "A.cm " + cls.__name__
    @staticmethod
    def sm(): return "A.sm"
    @property
    def p(self): return "A.p"
class B(A):
    x = "B.x"
    def f(self): return "B.f>" + super().f()
    @classmethod
    def cm(cls): return "B.cm>" + super().cm()
    @staticmethod
    def sm(): return "B.sm>" + super(B, B).sm()
    @property
    def p(self): return "B.p>" + super().p
    def attr(self): return super().x
    def comp(self): return [super().f() for _ in range(1)]
    def lam(self): return (lambda: super(B, self).f())()
b = B()
print(b.f(), B.cm(), b.cm(), B.sm(), b.p, b.attr(), b.comp(), b.lam())
print(super(B, b).f(), super(B, B).cm())
s = super(B, b)
print(type(s).__name__, repr(s).startswith("<super: <class 'B'>, <B object>"))
try:
    super(B, 5)
except TypeError as e:
    print(e)
def outside():
    return super().f()
try:
    outside()
except RuntimeError as e:
    print(e)
try:
    super(B, b).nothing
except AttributeError as e:
    print(e)
