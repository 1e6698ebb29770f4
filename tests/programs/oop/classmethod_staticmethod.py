class Shape:
    count = 0
    def __init__(self, n): self.n = n; type(self).count += 1
    @classmethod
    def make(cls, n): return cls(n)
    @staticmethod
    def area(w, h): return w * h
    @classmethod
    def name(cls): return cls.__name__
class Square(Shape):
    count = 0
s = Square.make(3)
print(type(s).__name__, s.n, Square.count, Shape.count, Shape.area(2, 3), s.area(4, 5), s.name())
print(isinstance(Shape.__dict__["make"], classmethod), isinstance(Shape.__dict__["area"], staticmethod))
f = Shape.__dict__["area"]
print(f.__func__(2, 2), Shape.make.__self__ is Shape, Shape.make.__func__.__name__)
cm = classmethod(lambda cls: cls.__name__)
class T:
    who = cm
    st = staticmethod(len)
print(T.who(), T().who(), T.st("abcd"))
