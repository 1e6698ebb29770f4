class Counter(dict):
    def __missing__(self, key):
        return 0
    def add(self, k): self[k] = self[k] + 1
c = Counter()
for w in "a b a c a b".split():
    c.add(w)
print(c, c["zz"], len(c), sorted(c.items()), isinstance(c, dict), type(c).__name__)
class AttrDict(dict):
    def __getattr__(self, k):
        try:
            return self[k]
        except KeyError:
            raise AttributeError(k)
    def __setattr__(self, k, v): self[k] = v
a = AttrDict(x=1)
a.y = 2
print(a.x, a.y, a, dict(a), "x" in a, list(a.keys()))
try:
    a.q
except AttributeError as e:
    print("AttributeError", e)
class Upper(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k.upper(), v)
u = Upper()
u["a"] = 1
print(u, u.get("A"), u.get("a", "none"))
class DD(dict):
    def __init__(self, factory):
        super().__init__()
        self.factory = factory
    def __missing__(self, k):
        v = self[k] = self.factory()
        return v
dd = DD(list)
dd["x"].append(1)
dd["x"].append(2)
print(dd, dd.factory)
