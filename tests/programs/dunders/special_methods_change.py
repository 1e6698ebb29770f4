# The special methods the runtime calls (len, iter, next, getitem, call, operators,
# comparisons, construction) follow every change to a class or its bases after first use:
# they are resolved once per type and re-resolved when any class changes.


class Base:
    def __len__(self):
        return 1

    def __add__(self, other):
        return "Base.__add__"


class Child(Base):
    pass


c = Child()
print(len(c), c + 1)
Base.__len__ = lambda self: 2
print(len(c))
Child.__len__ = lambda self: 3
print(len(c))
del Child.__len__
print(len(c))
Child.__add__ = lambda self, other: "Child.__add__"
print(c + 1)
del Base.__add__
del Child.__add__
try:
    c + 1
except TypeError as e:
    print("TypeError:", e)
Child.__radd__ = lambda self, other: "Child.__radd__"
print(1 + c)


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n == 0:
            raise StopIteration
        self.n -= 1
        return self.n


print(list(Countdown(3)))


def exhausted(self):
    raise StopIteration


Countdown.__next__ = exhausted
print(list(Countdown(3)))
del Countdown.__iter__
try:
    iter(Countdown(1))
except TypeError as e:
    print("TypeError:", e)


class Table:
    def __getitem__(self, k):
        return ("get", k)

    def __call__(self, *a):
        return ("call", a)

    def __lt__(self, other):
        return "lt"


t = Table()
print(t[1], t(2), t < t)
Table.__getitem__ = lambda self, k: ("patched", k)
Table.__call__ = lambda self, *a: ("patched call", a)
Table.__lt__ = lambda self, other: "patched lt"
print(t[1], t(2), t < t)
del Table.__call__
try:
    t(3)
except TypeError as e:
    print("TypeError:", e)


class Made:
    def __init__(self, x):
        self.x = x


print(Made(1).x)
Made.__init__ = lambda self, x: setattr(self, "x", x * 10)
print(Made(1).x)
