# defaultdict's edge cases: __missing__ through the subscript, factories, copies, repr,
# subclasses, errors.
from collections import defaultdict


def attempt(label, f):
    try:
        print(label, f())
    except Exception as exc:
        print(label, type(exc).__name__, exc)


d = defaultdict(list, {"a": [1]}, b=[2])
d["c"].append(3)
print(d, len(d), d.default_factory)
print(repr(defaultdict()), defaultdict(None), defaultdict(int, [(1, 2)]))
print(d.get("zz"), "zz" in d, d.setdefault("zz", 5), d.pop("zz"))
attempt("not callable", lambda: defaultdict(5))
attempt("too many", lambda: defaultdict(list, {}, {}))
attempt("missing None", lambda: defaultdict()["k"])
attempt("missing tuple", lambda: defaultdict()[(1, 2)])
attempt("unhashable", lambda: defaultdict(list)[[1]])
print(d.__missing__("m"), sorted(d))
attempt("missing direct", lambda: defaultdict().__missing__("x"))

# the factory can be changed, removed, and may fail
d.default_factory = lambda: "made"
print(d["new"], d["new"])
d.default_factory = None
attempt("after None", lambda: d["other"])


def failing():
    raise ValueError("factory failed")


f = defaultdict(failing)
attempt("failing factory", lambda: f["x"])
print(len(f))

# copies keep the factory and the type
c = d.copy()
c2 = d.__copy__()
print(type(c).__name__, c.default_factory, c == d, c is d, c2 == d)
counts = defaultdict(int)
for w in "the cat and the hat and the bat".split():
    counts[w] += 1
print(sorted(counts.items()), counts == dict(counts))
merged = counts | {"dog": 1}
print(type(merged).__name__, merged["dog"], merged.default_factory)
rmerged = {"dog": 1} | counts
print(type(rmerged).__name__, sorted(rmerged.items()))
try:
    counts | [1]
except TypeError:
    print("or list: TypeError")
counts |= {"cow": 3}
print(counts["cow"], type(counts).__name__)

# nested and recursive
tree = lambda: defaultdict(tree)
t = tree()
t["a"]["b"]["c"] = 1
print(t["a"]["b"]["c"], len(t["a"]))
r = defaultdict(list)
r.default_factory = None
r["self"] = r
print(r)


# subclasses: __missing__ and __getitem__ overrides are honoured
class Logging(defaultdict):
    def __missing__(self, key):
        print("missing", key)
        return super().__missing__(key)


lg = Logging(int)
lg["x"] += 1
print(lg, lg["x"])


class Upper(defaultdict):
    def __getitem__(self, key):
        return super().__getitem__(key.upper())


u = Upper(str)
u["a"]
print(u)


class Init(defaultdict):
    def __init__(self, tag):
        super().__init__(list)
        self.tag = tag


i = Init("t")
i[1].append(2)
print(i, i.tag, isinstance(i, dict), isinstance(i, defaultdict))


# plain dict subclasses get __missing__ through the same path
class Zero(dict):
    def __missing__(self, key):
        return 0


z = Zero(a=1)
print(z["a"], z["b"], len(z))


class NoMissing(dict):
    pass


attempt("no missing", lambda: NoMissing()["q"])
print(defaultdict.__module__, defaultdict.__name__, defaultdict.__mro__[1])
