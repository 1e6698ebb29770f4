# operator's functions: results, dunder fallbacks, and CPython's argument errors.
import operator as o


class V:
    def __init__(self, x):
        self.x = x

    def __add__(self, other):
        return V(self.x + other.x)

    def __iadd__(self, other):
        self.x += other.x
        return self

    def __lt__(self, other):
        return self.x < other.x

    def __neg__(self):
        return V(-self.x)

    def __index__(self):
        return self.x

    def __repr__(self):
        return f"V({self.x})"


print(o.add(1, 2), o.sub(5, 7), o.mul("ab", 3), o.truediv(7, 2), o.floordiv(-7, 2))
print(o.mod(-7, 3), o.pow(2, 100), o.lshift(1, 70), o.rshift(-9, 1), o.and_(12, 10))
print(o.or_(12, 10), o.xor(12, 10), o.or_({1}, {2}), o.and_(True, False))
t, f = True, False
print(t & f, t | f, t ^ t, o.xor(t, f), o.iand(t, t))
print(o.neg(3), o.pos(-2.5), o.inv(5), o.invert(0), o.abs(-4), o.abs(-2.5))
print(o.lt(1, 2), o.le(2, 2), o.eq([1], [1]), o.ne("a", "a"), o.gt(3.5, 3), o.ge((1, 2), (1, 3)))
print(o.truth([]), o.truth([0]), o.not_(0), o.not_("x"), o.is_(None, None), o.is_not(1, None))
print(o.contains([1, 2], 2), o.contains("abc", "bd"), o.contains({1: 2}, 1))
d = {"a": 1}
o.setitem(d, "b", 2)
print(o.getitem(d, "b"), o.getitem([1, 2, 3], slice(1, None)), o.getitem("abc", -1))
o.delitem(d, "a")
print(d)
a = [1]
print(o.iadd(a, [2]) is a, a, o.iadd((1,), (2,)), o.imul([0], 3), o.isub(5, 2))
print(o.ipow(2, 5), o.imod(7, 4), o.iand(6, 3), o.ior(6, 3), o.ixor(6, 3), o.ilshift(1, 3))
print(o.irshift(64, 2), o.itruediv(1, 4), o.ifloordiv(9, 4))
print(o.add(V(1), V(2)), o.lt(V(1), V(2)), o.neg(V(3)), o.index(V(7)))
v = V(1)
print(o.iadd(v, V(5)) is v, v)
print(o.index(5), o.index(True), o.index(2**80), type(o.index(True)).__name__)
print(o.__add__(1, 2), o.__lt__(1, 2), o.__getitem__([5], 0), o.__neg__(1))
print(o.concat([1], [2]), o.countOf([1, 2, 1], 1), o.indexOf("abc", "c"))
print(sorted([(1, "b"), (0, "c"), (2, "a")], key=o.itemgetter(1)))
print(list(map(o.mul, [1, 2, 3], [4, 5, 6])), o.add.__name__, o.not_.__name__)

cases = [
    ('o.add(1)', lambda: o.add(1)),
    ('o.neg()', lambda: o.neg()),
    ('o.neg(1, 2)', lambda: o.neg(1, 2)),
    ('o.add(a=1, b=2)', lambda: o.add(a=1, b=2)),
    ('o.truth()', lambda: o.truth()),
    ('o.setitem(1, 2)', lambda: o.setitem(1, 2)),
    ('o.index(1.5)', lambda: o.index(1.5)),
    ('o.index()', lambda: o.index()),
    ('o.is_(1)', lambda: o.is_(1)),
    ('o.not_(1, 2)', lambda: o.not_(1, 2)),
    ('o.contains(1, 2)', lambda: o.contains(1, 2)),
    ("o.lt(1, 'a')", lambda: o.lt(1, 'a')),
    ('o.lt(1)', lambda: o.lt(1)),
    ('o.matmul(1, 2)', lambda: o.matmul(1, 2)),
    ("o.add(1, 'a')", lambda: o.add(1, 'a')),
    ('o.getitem(1, 2)', lambda: o.getitem(1, 2)),
    ('o.getitem([1], 5)', lambda: o.getitem([1], 5)),
    ('o.delitem({}, 1)', lambda: o.delitem({}, 1)),
    ('o.truediv(1, 0)', lambda: o.truediv(1, 0)),
    ("o.neg('a')", lambda: o.neg('a')),
    ("o.index(V('x'))", lambda: o.index(V('x'))),
    ('o.setitem((1,), 0, 2)', lambda: o.setitem((1,), 0, 2)),
    ('o.concat(1, 2)', lambda: o.concat(1, 2)),
]
for c, f in cases:
    try:
        print(c, "->", f())
    except Exception as e:
        print(c, "!!", type(e).__name__, e)
