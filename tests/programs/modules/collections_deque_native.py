# deque's edge cases: indices, errors, mutation during iteration, subclasses, operators.
from collections import deque


def attempt(label, f):
    try:
        print(label, f())
    except Exception as exc:
        print(label, type(exc).__name__, exc)


d = deque(range(6))
print(d[-1], d[-6], d[0], d[True])
attempt("d[6]", lambda: d[6])
attempt("d[-7]", lambda: d[-7])
attempt("d['a']", lambda: d["a"])
attempt("d[1:2]", lambda: d[1:2])
attempt("d[2**70]", lambda: d[2 ** 70])
attempt("set -7", lambda: d.__setitem__(-7, 0))
attempt("del 9", lambda: d.__delitem__(9))
d[-2] = "x"
del d[-1]
print(d, len(d))


class Idx:
    def __index__(self):
        return 1


print(d[Idx()])
attempt("pop empty", lambda: deque().pop())
attempt("popleft empty", lambda: deque().popleft())
attempt("index missing", lambda: deque([1, "a"]).index("b"))
attempt("remove missing", lambda: deque([1]).remove((1, 2)))
attempt("insert full", lambda: deque([1], maxlen=1).insert(0, 2))
attempt("maxlen neg", lambda: deque([], -1))
attempt("maxlen str", lambda: deque([], "3"))
attempt("too many", lambda: deque(1, 2, 3))
attempt("bad kw", lambda: deque(foo=1))
attempt("both", lambda: deque([1], iterable=[2]))
attempt("rotate str", lambda: deque([1]).rotate("a"))
attempt("rotate 2 args", lambda: deque([1]).rotate(1, 2))
attempt("append none", lambda: deque().append())
attempt("pop arg", lambda: deque([1]).pop(0))
attempt("count none", lambda: deque().count())
attempt("index none", lambda: deque().index())
attempt("insert one", lambda: deque().insert(1))
attempt("unbound", lambda: deque.append(1, 2))
attempt("hash", lambda: hash(deque()))
attempt("lt list", lambda: deque() < [])
attempt("add list", lambda: deque() + [1])
attempt("mul str", lambda: deque() * "a")
print(deque([1]) == [1], deque([1]) != [1], deque() == deque())

# index with bounds
e = deque("abcabc")
print(e.index("c"), e.index("c", 3), e.index("a", -3), e.index("b", 0, 100), e.count("a"))
attempt("index range", lambda: e.index("a", 1, 3))
e.insert(-100, "first")
e.insert(100, "last")
e.insert(-1, "penult")
print(e)

# maxlen trimming
m = deque(range(10), maxlen=3)
print(m, m.maxlen)
m.append(10)
m.appendleft(-1)
print(m)
m.extend(range(20, 25))
m.extendleft("xy")
print(m)
z = deque([1, 2], maxlen=0)
z.append(3)
z.extend(range(5))
print(z, len(z), z.maxlen)
print(deque(range(3), maxlen=2) * 3, deque([1, 2]) * 0, deque([1, 2]) * -1, 3 * deque([7]))
print(deque(range(5), 4) + deque("ab"))

# rotate both ways, beyond the length
r = deque(range(5))
for n in (1, -1, 7, -12, 0, 5):
    r.rotate(n)
    print(n, list(r))

# mutation during iteration
for mutate in (lambda q: q.append(0), lambda q: q.pop(), lambda q: q.rotate(1),
               lambda q: q.clear(), lambda q: q.extend([1])):
    q = deque([1, 2, 3])
    try:
        for x in q:
            mutate(q)
    except RuntimeError as exc:
        print("RuntimeError", exc)
q = deque([1, 2, 3])
for x in q:
    q[0] = x * 10
    q.reverse()
print(q)
q = deque([1, 2, 3])
try:
    for x in reversed(q):
        q.appendleft(x)
except RuntimeError as exc:
    print("reversed:", exc)
print(type(iter(q)).__name__, type(reversed(q)).__name__)


class Eq:
    def __init__(self, target):
        self.target = target

    def __eq__(self, other):
        self.target.append(1)
        return False


q = deque([1, 2, 3])
attempt("count mutates", lambda: q.count(Eq(q)))
q = deque([1, 2, 3])
attempt("in mutates", lambda: Eq(q) in q)
q = deque([1, 2, 3])
attempt("remove mutates", lambda: q.remove(Eq(q)))

# self-extension, recursion, mixed types
s = deque([1, 2])
s.extend(s)
s.extendleft(s)
print(s)
s += s
print(len(s))
rec = deque([1])
rec.append(rec)
print(rec)
print(deque([1, "a", (2,), None, 2.5]))
print(sorted([deque([2]), deque([1, 5]), deque([1])]))
print(deque([1, 2]) <= deque([1, 2]), deque([1, 2]) > deque([1]), deque([3]) >= deque([2, 9]))


# subclassing
class D(deque):
    def __init__(self, items, tag):
        super().__init__(items, maxlen=4)
        self.tag = tag

    def append(self, x):
        super().append(x * 2)


sd = D([1, 2], "t")
sd.append(5)
print(sd, sd.tag, len(sd), sd[-1], isinstance(sd, deque), type(sd).__name__)
print(list(sd), 4 in sd, sd == deque([1, 2, 10]), sd.maxlen)


class Plain(deque):
    pass


p = Plain("abc", 5)
print(p, p.copy(), type(p.copy()).__name__, p + deque("d"), type(p + deque("d")).__name__)
p += "xyz"
print(p, type(p).__name__, p * 2)
p2 = Plain([1])
print(repr(p2), p2 == Plain([1]), p2 < Plain([2]))
print(deque.__module__, deque.__name__)
