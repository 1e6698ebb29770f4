# functools.partial's edge cases: merged keywords, flattening, attributes, repr, errors,
# subclasses.
from functools import partial


def attempt(label, f):
    try:
        print(label, f())
    except Exception as exc:
        print(label, type(exc).__name__, exc)


def f(a, b=2, *rest, **kw):
    return (a, b, rest, sorted(kw.items()))


p = partial(f, 1, x=2)
print(p(), p(5), p(5, 6, 7, y=1), p(x=9), p.args, p.keywords, p.func is f)
q = partial(p, 3, y=4)
print(q.func is f, q.args, q.keywords, q(5, x=9))
print(partial(f, b=5)(0), partial(partial(partial(f, 1), 2), 3)())
print(repr(partial(len, "a", k=1)), repr(partial(max)), repr(partial(len, (1, 2))))
attempt("no args", lambda: partial())
attempt("not callable", lambda: partial(1))
attempt("call missing", lambda: partial(f)())
attempt("duplicate", lambda: partial(f, 1)(a=2))
attempt("bad kw", lambda: partial(lambda a: a, x=1)(1))
attempt("inner raises", lambda: partial(int, "z")())
print(type(partial(f)).__name__, partial.__module__, callable(p), isinstance(p, partial))
print(sorted(map(partial(pow, 2), range(5))), list(map(partial(int, base=2), ["101", "11"])))
keys = sorted(["b", "A", "c"], key=partial(str.lower))
print(keys)


class Meth:
    def __init__(self, v):
        self.v = v

    def add(self, x, y=0):
        return self.v + x + y


m = Meth(10)
print(partial(Meth.add, m, 1)(), partial(m.add, y=5)(1), partial(Meth, 3)().v)


# partial objects compare and hash by identity
p1, p2 = partial(f, 1), partial(f, 1)
print(p1 == p2, p1 == p1, hash(p1) == hash(p1), len({p1, p2}))
# the keywords dict is the partial's own: changing the caller's dict later changes nothing
kw = {"x": 1}
pk = partial(f, 0, **kw)
kw["x"] = 2
print(pk())


class Tagged(partial):
    def describe(self):
        return "tagged " + self.func.__name__


t = Tagged(f, 7, z=1)
print(t(), t.describe(), t.args, isinstance(t, partial), type(t).__name__)
print(repr(Tagged(len))[:12])
t2 = partial(t, 8)
print(t2(), t2.args)
