class Counter:
    total = 0
    items = []
    def __init__(self, name):
        self.name = name
        Counter.total += 1
        self.items.append(name)
a = Counter("a"); b = Counter("b")
print(Counter.total, a.total, b.items is Counter.items, Counter.items)
a.total = 100
print(a.total, b.total, Counter.total, "total" in vars(a), "total" in vars(b))
del a.total
print(a.total)
Counter.total = 7
print(a.total, b.total)
Counter.new_attr = "added later"
print(a.new_attr, hasattr(b, "new_attr"))
def method(self): return "patched " + self.name
Counter.greet = method
print(a.greet(), Counter.greet(b))
print(sorted(k for k in vars(Counter) if not k.startswith("__")))
