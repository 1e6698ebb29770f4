# Instance attributes kept in shared shapes: every way an attribute is added, read, replaced
# or removed must behave as a plain dict would, and class changes after instances exist must
# be seen by the attribute fast paths.


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


a, b = Point(1, 2), Point(3, 4)
b.z = 5
print(a.x, a.y, b.x, b.y, b.z, vars(a), vars(b))

# Other orders, computed names, names built at run time (not interned), deletion.
c = Point(0, 0)
c.__dict__  # a copy; reading it changes nothing
setattr(c, "w" + "x", 10)
setattr(c, "".join(["y", "y"]), 11)
print(getattr(c, "w" + "x"), c.yy, vars(c))
del c.x
print(vars(c), hasattr(c, "x"))
c.x = 7
print(vars(c), list(vars(c)))
try:
    del c.missing
except AttributeError as e:
    print("AttributeError", e)

# Many attributes: past any shape size limit.
d = Point(1, 1)
for i in range(50):
    setattr(d, f"a{i}", i)
print(len(vars(d)), d.a0, d.a49, sum(getattr(d, f"a{i}") for i in range(50)))


# A property added to the class after instances exist shadows the instance dict.
class Late:
    pass


o = Late()
o.v = 1
print(o.v)
Late.v = property(lambda self: "from property")
print(o.v, vars(o))
del Late.v
print(o.v)


# __setattr__ added later is called by stores.
class Watched:
    pass


w = Watched()
w.a = 1


def loud_setattr(self, name, value):
    print("set", name, value)
    object.__setattr__(self, name, value)


Watched.__setattr__ = loud_setattr
w.b = 2
w.a = 3
print(vars(w))
del Watched.__setattr__
w.c = 4
print(vars(w))


# Slots: stores of members go straight in, others fail.
class Slotted:
    __slots__ = ("p", "q")

    def __init__(self):
        self.p = 1


s = Slotted()
s.q = 2
print(s.p, s.q)
try:
    s.r = 3
except AttributeError as e:
    print("AttributeError", e)
try:
    print(s.__dict__)
except AttributeError as e:
    print("AttributeError", e)
del s.p
try:
    s.p
except AttributeError as e:
    print("AttributeError", e)


# A class attribute and an instance attribute of the same name; methods shadowed per instance.
class Shadow:
    kind = "class"

    def m(self):
        return "method"


x, y = Shadow(), Shadow()
y.kind = "instance"
y.m = lambda: "instance function"
print(x.kind, y.kind, x.m(), y.m())
del y.m
print(y.m())

# Instances of different classes that get the same names in the same order.
class A:
    def __init__(self):
        self.u = "A"
        self.v = 1


class B:
    def __init__(self):
        self.u = "B"
        self.v = 2


objs = [A() if i % 2 else B() for i in range(6)]
print([(type(o).__name__, o.u, o.v) for o in objs])


# A str subclass as an attribute name.
class Name(str):
    pass


n = Point(0, 0)
setattr(n, Name("sub"), 9)
print(n.sub, getattr(n, Name("x")), vars(n))
