class Shape:
    def __init__(self, w, h): self._w = w; self._h = h
    @property
    def area(self): return self._w * self._h
    @property
    def name(self): return "shape"
class Square(Shape):
    def __init__(self, s): super().__init__(s, s)
    @property
    def name(self): return "square of " + super().name
    @Shape.area.getter
    def area(self): return "area=" + str(self._w ** 2)
s = Square(3)
print(s.area, s.name, Shape(2, 5).area, Shape(1, 1).name)
class Lazy:
    def __init__(self): self.calls = 0
    @property
    def value(self):
        self.calls += 1
        return 42
l = Lazy()
print(l.value, l.value, l.calls)
class Validated:
    def __init__(self): self._x = 0
    def _get(self): return self._x
    def _set(self, v):
        if not isinstance(v, int):
            raise TypeError("x must be int")
        self._x = v
    x = property(_get, _set)
v = Validated()
v.x = 5
print(v.x)
try:
    v.x = "no"
except TypeError as e:
    print(e)
p = property(lambda self: 1)
print(p.fget is not None, p.fset, p.fdel, p.__doc__)
