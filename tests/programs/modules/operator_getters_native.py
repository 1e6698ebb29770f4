# operator.itemgetter, attrgetter and methodcaller: multiple items, dotted names, reprs and
# errors.
from operator import attrgetter, itemgetter, methodcaller


def attempt(label, f):
    try:
        print(label, f())
    except Exception as exc:
        print(label, type(exc).__name__, exc)


row = [10, 20, 30, 40]
print(itemgetter(1)(row), itemgetter(-1)(row), itemgetter(0, 2)(row), itemgetter(1)("ab"))
print(itemgetter(slice(1, 3))(row), itemgetter("k", "j")({"k": 1, "j": 2}))
print(itemgetter(0)([(1, 2)]), itemgetter(1, 1)(row))
print(sorted([(1, "b"), (0, "c"), (2, "a")], key=itemgetter(1)))
attempt("index", lambda: itemgetter(9)(row))
attempt("key", lambda: itemgetter("q")({}))
attempt("no items", lambda: itemgetter())
attempt("kw new", lambda: itemgetter(1, x=2))
attempt("no obj", lambda: itemgetter(1)())
attempt("two objs", lambda: itemgetter(1)(row, row))
attempt("kw call", lambda: itemgetter(1)(obj=row))
attempt("not subscriptable", lambda: itemgetter(0)(5))
print(repr(itemgetter(1)), repr(itemgetter(1, "a")), repr(itemgetter((1, 2))))


class Node:
    def __init__(self, name, child=None):
        self.name = name
        self.child = child

    def greet(self, greeting="hi", punct="!"):
        return greeting + " " + self.name + punct


tree = Node("root", Node("kid", Node("grandkid")))
print(attrgetter("name")(tree), attrgetter("child.name")(tree), attrgetter("child.child.name")(tree))
print(attrgetter("name", "child.name")(tree), attrgetter("real", "numerator")(7))
print(sorted([Node("b"), Node("a")], key=attrgetter("name"))[0].name)
attempt("missing", lambda: attrgetter("nope")(tree))
attempt("missing dotted", lambda: attrgetter("child.nope")(tree))
attempt("none child", lambda: attrgetter("child.child.child.name")(tree))
attempt("not str", lambda: attrgetter(1))
attempt("no names", lambda: attrgetter())
attempt("kw call", lambda: attrgetter("name")(obj=tree))
print(repr(attrgetter("a.b", "c")), repr(attrgetter("x")))

print(methodcaller("greet")(tree), methodcaller("greet", "hello")(tree),
      methodcaller("greet", punct="?")(tree), methodcaller("upper")("abc"))
print(methodcaller("split", ",", 1)("a,b,c"), methodcaller("get", "k", 0)({}))
attempt("missing method", lambda: methodcaller("nope")(tree))
attempt("no name", lambda: methodcaller())
attempt("name not str", lambda: methodcaller(1))
attempt("no obj", lambda: methodcaller("upper")())
attempt("bad args", lambda: methodcaller("upper", 1)("a"))
print(repr(methodcaller("m", 1, k=2)), repr(methodcaller("m")), repr(methodcaller("m", "s", a=[1])))
print(type(itemgetter(1)).__name__, itemgetter.__module__, callable(attrgetter("x")))
g = itemgetter(1)
print(g == g, g == itemgetter(1), hash(g) == hash(g))
