class Point:
    def __new__(cls, *args):
        print("new", cls.__name__, args)
        return super().__new__(cls)
    def __init__(self, x, y):
        print("init", x, y)
        self.x, self.y = x, y
p = Point(1, 2)
print(p.x, p.y)
class Cached:
    _cache = {}
    def __new__(cls, key):
        if key not in cls._cache:
            obj = super().__new__(cls)
            obj.key = key
            cls._cache[key] = obj
        return cls._cache[key]
print(Cached("a") is Cached("a"), Cached("a") is Cached("b"))
class NotSelf:
    def __new__(cls): return 42
    def __init__(self): print("never")
print(NotSelf())
class Upper(str):
    def __new__(cls, s): return super().__new__(cls, s.upper())
u = Upper("abc")
print(u, type(u).__name__, u + "!", len(u), isinstance(u, str))
class Positive(int):
    def __new__(cls, v): return super().__new__(cls, abs(v))
print(Positive(-5), Positive(-5) + 1, type(Positive(3)).__name__)
try:
    Point(1)
except TypeError as e:
    print(e)
