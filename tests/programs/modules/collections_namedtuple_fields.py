# namedtuple field access through the native field descriptors: subclasses, class access,
# docs.
from collections import namedtuple


def attempt(label, f):
    try:
        print(label, f())
    except Exception as exc:
        print(label, type(exc).__name__, exc)


P = namedtuple("P", "x y z", defaults=[0])
p = P(1, 2)
print(p.x, p.y, p.z, p[-1], P.x.__doc__, P.z.__doc__)
attempt("new attr", lambda: setattr(p, "w", 5))


class Q(P):
    __slots__ = ()

    @property
    def total(self):
        return self.x + self.y + self.z

    def scaled(self, k):
        return Q(self.x * k, self.y * k, self.z * k)


q = Q(1, 2, 3)
print(q.total, q.scaled(2), q.scaled(2).y, type(q.scaled(2)).__name__)


class Override(namedtuple("Base", "a b")):
    @property
    def a(self):
        return "overridden"


o = Override(1, 2)
print(o.a, o.b, o[0], o)
rows = [P(i, -i, i * i) for i in range(5)]
print(sum(r.x + r.y + r.z for r in rows), max(rows, key=lambda r: r.z).x)
E = namedtuple("E", [])
print(E(), len(E()))
