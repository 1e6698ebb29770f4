it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, "default"), next(it, None))
try:
    next(it)
except StopIteration:
    print("StopIteration raised")
s = iter("ab")
print(next(s), list(s), list(s))
d = iter({"x": 1, "y": 2})
print(next(d), next(d))
r = iter(range(0, 10, 4))
print(list(r))
t = iter((5,))
print(next(t), next(t, "end"))
it2 = iter([10, 20, 30])
for v in it2:
    print("for got", v)
    if v == 10:
        print("skipping", next(it2))
g = (x for x in range(3))
print(iter(g) is g, next(g))
try:
    next([1, 2])
except TypeError as e:
    print("TypeError", e)
try:
    iter(5)
except TypeError as e:
    print("TypeError", e)
z = zip([1, 2], "ab")
print(next(z), list(z))
m = map(str, [1, 2])
print(next(m), next(m), next(m, "no more"))
e = enumerate("xy")
print(next(e), next(e))
