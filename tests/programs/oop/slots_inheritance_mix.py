class Base:
    __slots__ = ("a",)
class WithDict(Base):
    __slots__ = ("b", "__dict__")
w = WithDict()
w.a, w.b, w.c = 1, 2, 3
print(w.a, w.b, w.c, w.__dict__, sorted(WithDict.__slots__))
class Point:
    __slots__ = "x", "y"
    def __init__(self, x, y): self.x, self.y = x, y
    def __repr__(self): return f"Point({self.x}, {self.y})"
pts = [Point(i, -i) for i in range(3)]
print(pts, [p.x for p in pts], hasattr(pts[0], "__dict__"))
print(repr(Point.x), type(Point.y).__name__)
try:
    class Bad:
        __slots__ = ("v",)
        v = 1
except ValueError as e:
    print(e)
