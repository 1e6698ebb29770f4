def trace(f):
    def wrapper(*a, **k):
        print("call", f.__name__, [type(x).__name__ for x in a], k)
        return f(*a, **k)
    wrapper.__name__ = f.__name__
    return wrapper
def repeat(n):
    def deco(f):
        def w(*a):
            return [f(*a) for _ in range(n)]
        return w
    return deco
@trace
def add(a, b=2): return a + b
@repeat(3)
@trace
def hi(x): return "hi " + x
print(add(1), add(1, b=5), hi("bob"), add.__name__)
registry = []
def register(cls):
    registry.append(cls.__name__)
    cls.registered = True
    return cls
@register
class Foo: pass
@register
class Bar:
    @trace
    def m(self, x): return x * 2
print(registry, Foo.registered, Bar().m(4))
def counted(f):
    f.calls = 0
    return f
@counted
def g(): pass
g.calls += 1
print(g.calls)
class Cached:
    def __init__(self, f): self.f = f; self.cache = {}
    def __call__(self, n):
        if n not in self.cache:
            self.cache[n] = self.f(n)
        return self.cache[n]
@Cached
def fib(n): return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(60), len(fib.cache))
