print(sum(x * x for x in range(10)))
print(max(len(w) for w in "a bb ccc".split()), min(x for x in [3, 1]))
print(list(x for x in "abc"), tuple(x for x in range(3)), set(x % 2 for x in range(5)))
print(dict((k, v) for k, v in zip("ab", (1, 2))), "-".join(str(i) for i in range(4)))
print(any(x > 3 for x in range(5)), all(x < 3 for x in range(5)), sorted((-x for x in range(3))))
g = (x for x in range(3))
print(next(g), list(g), list(g))
print(sum(x for x in range(3) if x), list((x, y) for x in range(2) for y in range(2) if x != y))
def f(*a): return a
print(f(*(i for i in range(3))))
n = 3
print(list(i * n for i in range(n)))
gen = (i for i in range(2))
print(type(gen).__name__, iter(gen) is gen)
nested = ((x, (y for y in range(x))) for x in range(3))
print([(x, list(g)) for x, g in nested])
try:
    (1 / x for x in [1, 0]).__next__()
    list(1 / x for x in [1, 0])
except ZeroDivisionError as e:
    print(e)
try:
    list(x for x in 5)
except TypeError as e:
    print(e)
class C:
    vals = [1, 2, 3]
    doubled = list(v * 2 for v in vals)
print(C.doubled)
print(list(zip((a for a in "xy"), (b for b in range(5)))), list(enumerate(c for c in "pq")))
