def make_point(x, y):
    return ("point", x, y)
def point_add(p, q):
    return make_point(p[1] + q[1], p[2] + q[2])
def point_str(p):
    return "(" + str(p[1]) + ", " + str(p[2]) + ")"
p = make_point(1, 2)
q = make_point(10, 20)
r = point_add(p, q)
print(point_str(r), r, r[0] == "point")
pts = [make_point(i, i * i) for i in range(5)]
print([point_str(pt) for pt in pts])
print(sorted(pts, key=lambda pt: -pt[2])[0])
kind, x, y = r
print(kind, x + y)
