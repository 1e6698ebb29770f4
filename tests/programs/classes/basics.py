class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm2(self):
        return self.x * self.x + self.y * self.y
    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)
    def __repr__(self):
        return "Point(" + repr(self.x) + ", " + repr(self.y) + ")"
p = Point(3, 4)
print(p, p.x, p.y, p.norm2(), p.moved(1, -1), [p, Point(0, 0)])
p.x = 10
p.z = "dynamic"
print(p, p.z, p.norm2())
q = p
q.y = 0
print(p, p is q, type(p).__name__, isinstance(p, Point))
print(repr(p), str(p))
pts = [Point(i, -i) for i in range(3)]
print(pts, sorted(pts, key=lambda pt: pt.y))
print(Point.norm2(Point(1, 1)))
