class Registry:
    def __init__(self):
        self.items = {}
        self.order = []
    def register(self, name, value):
        if name in self.items:
            raise KeyError(name)
        self.items[name] = value
        self.order.append(name)
        return self
    def get(self, name, default=None):
        return self.items.get(name, default)
    def names(self):
        return list(self.order)
r = Registry()
r.register("a", 1).register("b", 2).register("c", 3)
print(r.names(), r.get("b"), r.get("zz", "none"))
try:
    r.register("a", 9)
except KeyError as e:
    print("KeyError", e)
class Stack:
    def __init__(self):
        self._data = []
    def push(self, v):
        self._data.append(v)
    def pop(self):
        if not self._data:
            raise IndexError("pop from empty stack")
        return self._data.pop()
    def size(self):
        return len(self._data)
    def __repr__(self):
        return "Stack(" + repr(self._data) + ")"
s = Stack()
for i in range(4):
    s.push(i * i)
print(s, s.size(), s.pop(), s.pop(), s)
try:
    Stack().pop()
except IndexError as e:
    print("IndexError", e)
