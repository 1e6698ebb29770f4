def mean(xs):
    return sum(xs) / len(xs)
def variance(xs):
    m = mean(xs)
    return sum([(x - m) ** 2 for x in xs]) / len(xs)
data = [2, 4, 4, 4, 5, 5, 7, 9]
print(mean(data), variance(data), variance(data) ** 0.5)
vals = [i * 0.37 - 5 for i in range(30)]
print(mean(vals), variance(vals))
print(sum([0.1] * 10), sum([0.1] * 10, 0.5))
def horner(coeffs, x):
    r = 0.0
    for c in coeffs:
        r = r * x + c
    return r
print(horner([1, -3, 2], 0.5), horner([2.5, 0, -1, 7], -1.25))
def newton_sqrt(x):
    g = x / 2
    for i in range(30):
        g = (g + x / g) / 2
    return g
print(newton_sqrt(2), newton_sqrt(10), newton_sqrt(1e10), newton_sqrt(0.0009))
pi = 0.0
for k in range(10000):
    pi += (-1) ** k / (2 * k + 1)
print(pi * 4)
e = 0.0
f = 1.0
for k in range(1, 20):
    e += 1 / f
    f *= k
print(e)
