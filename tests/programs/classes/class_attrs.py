class Counter:
    count = 0
    kind = "counter"
    def __init__(self, name):
        self.name = name
        Counter.count += 1
        self.id = Counter.count
a = Counter("a")
b = Counter("b")
print(Counter.count, a.count, b.count, a.id, b.id, a.kind)
a.kind = "instance override"
print(a.kind, b.kind, Counter.kind)
Counter.kind = "changed on class"
print(a.kind, b.kind)
del a.kind
print(a.kind)
class Shared:
    items = []
    def add(self, x):
        self.items.append(x)
s1 = Shared()
s2 = Shared()
s1.add(1)
s2.add(2)
print(Shared.items, s1.items is s2.items)
s1.items = ["own"]
print(s1.items, s2.items, Shared.items)
class Config:
    debug = False
    level = 1
    def bump(self):
        self.level = self.level + 1
c = Config()
c.bump()
c.bump()
print(c.level, Config.level)
print(hasattr(c, "debug"), getattr(c, "missing", "dflt"), getattr(Config, "level"))
setattr(c, "debug", True)
print(c.debug, Config.debug)
