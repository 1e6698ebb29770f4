checks = [(1, int), (1, float), (1.0, float), ("s", str), ([], list), ((), tuple), ({}, dict), (set(), set), (None, type(None)), (True, int), (True, bool), (1, (str, float)), (1, (str, int))]
for v, t in checks:
    print(repr(v), isinstance(v, t))
class Base:
    pass
class Mid(Base):
    pass
class Leaf(Mid):
    pass
objs = [Base(), Mid(), Leaf()]
for o in objs:
    print(type(o).__name__, isinstance(o, Base), isinstance(o, Mid), isinstance(o, Leaf), isinstance(o, (Leaf, Mid)))
print(issubclass(Leaf, Base), issubclass(Base, Leaf), issubclass(Leaf, (int, Mid)), issubclass(bool, int))
try:
    isinstance(1, 5)
except TypeError as e:
    print("TypeError", e)
