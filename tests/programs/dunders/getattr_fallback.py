class Proxy:
    def __init__(self, target):
        self.target = target
    def __getattr__(self, name):
        print("getattr", name)
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.target, name)
p = Proxy([3, 1, 2])
p.append(0)
p.sort()
print(p.target, p.count(1), hasattr(p, "_x"), hasattr(p, "copy"))
print(getattr(p, "_missing", "dflt"))
class Dyn:
    x = 1
    def __getattr__(self, name): return name * 2
d = Dyn()
print(d.x, d.abc, d.__class__.__name__)
class GA:
    def __getattribute__(self, name):
        if name == "magic": return 42
        return object.__getattribute__(self, name)
g = GA()
g.y = 5
print(g.magic, g.y)
try:
    g.zz
except AttributeError as e:
    print(e)
