from collections import namedtuple

Point = namedtuple("Point", ["x", "y"])
p = Point(3, 4)
print(p, p.x, p.y, p[0], p[1], len(p), tuple(p), list(p))
print(p == (3, 4), p == Point(3, 4), p != Point(4, 3), p < Point(3, 5))
x, y = p
print(x * y, p._asdict(), p._replace(y=10), Point._make([7, 8]), Point._fields)
print(isinstance(p, tuple), type(p).__name__, p.count(3), p.index(4))
Card = namedtuple("Card", "rank suit")
cards = [Card(r, s) for s in "sh" for r in (10, 2, 7)]
print(sorted(cards))
print(sorted(cards, key=lambda c: c.rank))
Color = namedtuple("Color", "red, green, blue", defaults=[0, 0])
print(Color(255), Color(1, 2, 3), Color(red=9, blue=5), Color._field_defaults)
print(Point(x=1, y=2), Point(1, y=2))
R = namedtuple("R", ["a", "def", "a", "_b"], rename=True)
print(R._fields)
d = {Point(0, 0): "origin"}
print(d[Point(0, 0)])
for args, kwargs in [((1,), {}), ((1, 2, 3), {}), ((1,), {"x": 2}), ((1, 2), {"z": 3})]:
    try:
        Point(*args, **kwargs)
    except TypeError as e:
        print("TypeError", e)
for names in [["a", "1b"], ["a", "a"], ["_a"], ["class"]]:
    try:
        namedtuple("T", names)
    except ValueError as e:
        print("ValueError", e)
