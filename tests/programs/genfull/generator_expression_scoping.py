x = 10
g = (x * i for i in range(3))
x = 20
print(list(g))
matrix = [[1, 2], [3, 4]]
print(list(v for row in matrix for v in row), sum(sum(r) for r in matrix))
def make():
    return [(lambda: i) for i in range(3)], [(lambda i=i: i) for i in range(3)]
late, early = make()
print([f() for f in late], [f() for f in early])
class K:
    base = 5
    vals = [base + i for i in range(2)] if False else None
print(K.vals)
gen = (c.upper() for c in "hey")
print(next(gen), "".join(gen))
def outer():
    n = 2
    return list(n * v for v in range(3))
print(outer())
print(sorted((x for x in [3, 1, 2]), reverse=True), tuple(i for i in ()), list(x for x in "ab" if x > "a"))
