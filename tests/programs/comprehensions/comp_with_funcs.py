def is_even(n):
    return n % 2 == 0
def square(n):
    return n * n
print([square(n) for n in range(10) if is_even(n)])
print(list(map(square, filter(is_even, range(10)))))
pairs = [(name, len(name)) for name in ["ann", "bobby", "cy"]]
print(pairs, dict(pairs))
adders = [(lambda v, k=k: v + k) for k in range(4)]
print([a(10) for a in adders])
def make_multiplier(m):
    return lambda x: x * m
mults = [make_multiplier(m) for m in range(1, 4)]
print([f(7) for f in mults])
data = [{"n": i, "sq": i * i} for i in range(4)]
print([d["sq"] for d in data if d["n"] > 1])
print(sorted([x for x in range(30) if x % 7 == 3], key=lambda v: -v))
