import bisect

a = [10, 20, 20, 30, 40]
print(bisect.bisect_left(a, 20, lo=1), bisect.bisect_right(a, 20, hi=2), bisect.bisect(a, 25, 0, None))
print(bisect.bisect_left(range(0, 100, 5), 42), bisect.bisect_right((1, 2, 3), 2), bisect.bisect_left("acegi", "d"))
people = [("ann", 19), ("bob", 25), ("cy", 31)]
print(bisect.bisect(people, 25, key=lambda p: p[1]), bisect.bisect_left(people, 25, key=lambda p: p[1]))
bisect.insort(people, ("dee", 27), key=lambda p: p[1]); print(people)
class Tracked(list):
    def insert(self, i, x):
        print("insert at", i)
        list.insert(self, i, x)
t = Tracked([1, 3, 5])
bisect.insort_left(t, 3)
print(t)
for args, kwargs in [((a, 1, -1), {}), ((a,), {}), ((a, 1, "x"), {}), ((a, 1), {"bad": 1}), ((5, 1), {}), ((a, 1, 0, 2, 3), {})]:
    try:
        bisect.bisect_left(*args, **kwargs)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    bisect.bisect([1, "a"], 2)
except TypeError as e:
    print("TypeError", e)
