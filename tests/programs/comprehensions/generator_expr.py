g = (x * x for x in range(5))
print(next(g), next(g), list(g), list(g))
print(sum(x for x in range(101)), max(len(w) for w in ["a", "abc", "ab"]))
print(any(x > 3 for x in [1, 2, 5]), all(x > 0 for x in [1, -1]))
print(list(x for x in "hello" if x != "l"), tuple(i for i in range(3)))
print(sorted((x % 7 for x in range(20)), reverse=True))
print(",".join(str(i) for i in range(5)))
def squares(n):
    return (i * i for i in range(n))
s = squares(4)
print(list(s), list(squares(6)))
nested = ((i, j) for i in range(3) for j in range(i))
print(list(nested))
evaluated = []
def src():
    for i in range(3):
        evaluated.append(i)
        yield i
gen = (v * 10 for v in src())
print(evaluated)
print(next(gen), evaluated)
print(list(gen), evaluated)
print(dict((k, k * 2) for k in range(3)), set(x % 2 for x in range(9)) == {0, 1})
