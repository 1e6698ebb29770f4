class P:
    __slots__ = ("x", "y")
    def __init__(self, x, y): self.x = x; self.y = y
p = P(1, 2)
print(p.x, p.y, P.__slots__)
p.x = 10
print(p.x)
try:
    p.z = 3
except AttributeError as e:
    print(e)
try:
    print(p.__dict__)
except AttributeError as e:
    print(e)
class Q:
    __slots__ = "a"
q = Q()
try:
    q.a
except AttributeError as e:
    print(e)
q.a = 5
del q.a
try:
    del q.a
except AttributeError as e:
    print(e)
class R(P):
    pass
r = R(1, 2)
r.z = 3
print(r.z, r.__dict__)
class S(P):
    __slots__ = ("w",)
s = S(1, 2)
s.w = 9
print(s.x, s.w)
try:
    s.v = 1
except AttributeError as e:
    print(e)
print(type(P.x).__name__)
