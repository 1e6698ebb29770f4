# Attribute lookups along a class's MRO are cached (the type attribute cache); every change
# to a class, one of its bases, or a class's identity must be seen by the very next lookup.
class Base:
    kind = "base"

    def greet(self):
        return "base greet"


class Child(Base):
    pass


c = Child()
for _ in range(3):
    print(c.kind, c.greet())

# A base's attribute rebound: the subclass sees it.
Base.kind = "rebound"
print(c.kind)

# A method replaced on the base, then shadowed on the subclass, then the shadow deleted.
Base.greet = lambda self: "replaced greet"
print(c.greet())
Child.greet = lambda self: "child greet"
print(c.greet())
del Child.greet
print(c.greet())

# An attribute added to the base after misses were cached for it.
for _ in range(3):
    print(hasattr(c, "late"))
Base.late = 42
print(c.late)
del Base.late
print(hasattr(c, "late"))

# __getattr__ added to the class after lookups of a missing name failed.
try:
    c.missing
except AttributeError as e:
    print("AttributeError:", e)
Base.__getattr__ = lambda self, name: "via __getattr__: " + name
print(c.missing)
del Base.__getattr__

# A property (data descriptor) added later takes precedence over the instance dict.
c.shadowed = "instance value"
print(c.shadowed)
Base.shadowed = property(lambda self: "property value")
print(c.shadowed)

# Dunder lookups (operators) see a method added or removed later.
class Num:
    def __init__(self, v):
        self.v = v


try:
    Num(1) + Num(2)
except TypeError as e:
    print("TypeError:", e)
Num.__add__ = lambda a, b: Num(a.v + b.v)
print((Num(1) + Num(2)).v)
Num.__add__ = lambda a, b: Num(a.v * 10 + b.v)
print((Num(1) + Num(2)).v)

# Classes made and dropped in a loop, with enough garbage beside them for the collector to
# run several times: a new class must never see a dead class's lookups, even where the
# collector hands it the dead class's handle.
results = []
for i in range(400):
    junk = [[] for _ in range(500)]
    if i % 2:
        class Temp:
            value = i
    else:
        class Temp:
            pass
    t = Temp()
    results.append(getattr(t, "value", None))
    del Temp, t, junk
print(results[:6], sum(v for v in results if v is not None))

# setattr/getattr with names made at run time (not interned) agree with interned ones.
name = "".join(["dyn", "amic"])
setattr(Base, name, "set at run time")
print(getattr(c, name), c.dynamic)
