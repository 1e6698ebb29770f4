def f(*args):
    return args
print(f(), f(1), f(1, 2, 3), type(f()).__name__)
def g(a, *rest):
    return a, rest
print(g(1), g(1, 2, 3))
def h(**kw):
    return kw
print(h(), h(x=1, y=2))
def full(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, kw)
print(full(1, c=3))
print(full(1, 2, 3, 4, c=5, e=6, f=7))
print(full(a=1, c=2, d=0))
nums = [1, 2, 3]
opts = {"c": 10, "z": 26}
print(full(*nums, **opts))
print(f(*"abc", *[1, 2]), h(**{"a": 1}, **{"b": 2}))
def kwonly(a, *, b, c=3):
    return a + b + c
print(kwonly(1, b=2), kwonly(1, c=0, b=5))
try:
    kwonly(1, 2)
except TypeError as e:
    print("TypeError", e)
try:
    kwonly(1)
except TypeError as e:
    print("TypeError", e)
print(max(*[3, 9, 2]), list(zip(*[[1, 2], [3, 4], [5, 6]])))
def show(*a, sep="-"):
    return sep.join(str(x) for x in a)
print(show(1, 2, 3), show(1, 2, sep="+"), show())
