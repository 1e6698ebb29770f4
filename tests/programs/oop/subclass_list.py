class Stack(list):
    def push(self, x): self.append(x)
    def peek(self): return self[-1]
s = Stack([1, 2])
s.push(3)
print(s, len(s), s.peek(), s[0], s[1:], type(s[1:]).__name__, isinstance(s, list), type(s).__name__)
print(sum(s), sorted(s, reverse=True), s == [1, 2, 3], list(reversed(s)))
class Logged(list):
    def append(self, x):
        print("append", x)
        super().append(x)
    def __repr__(self): return "Logged" + super().__repr__()
l = Logged()
l.append(1); l.append(2)
l.extend([3])
print(l, l + [9], len(l))
class Named(list):
    def __init__(self, name, items):
        super().__init__(items)
        self.name = name
n = Named("nums", range(3))
print(n.name, n, n.count(1), 2 in n)
n.sort(reverse=True)
print(n, [x * 2 for x in n])
class Default(list):
    def __getitem__(self, i):
        try:
            return super().__getitem__(i)
        except IndexError:
            return None
d = Default([1])
print(d[0], d[5])
