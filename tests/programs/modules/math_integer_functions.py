import math

for x in [3.7, -3.7, 2.0, -0.5, 1e20, 7, -7, True, 2 ** 100]:
    f, c = math.floor(x), math.ceil(x)
    print(x, f, c, type(f).__name__, type(c).__name__)
for n in [0, 1, 2, 15, 16, 24, 99, 10 ** 20, 2 ** 200 + 17]:
    print(n, math.isqrt(n))
print(math.gcd(12, 18), math.gcd(0, 5), math.gcd(-12, 18), math.gcd(), math.gcd(7), math.gcd(24, 36, 60), math.gcd(2 ** 100, 6 ** 50))
print(math.lcm(4, 6), math.lcm(0, 5), math.lcm(), math.lcm(3, 5, 7), math.lcm(-4, 6))
for n in [0, 1, 5, 10, 20, 30, 52]:
    print(n, math.factorial(n))
print(len(str(math.factorial(1000))))
for n, k in [(5, 2), (10, 0), (10, 10), (10, 11), (52, 5), (100, 50), (7, 3)]:
    print(n, k, math.comb(n, k), math.perm(n, k))
print(math.perm(5), math.prod([1, 2, 3, 4]), math.prod([]), math.prod(range(1, 21)), math.prod([1.5, 2]), math.prod([2, 3], start=10))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]))
print(math.fsum([]), math.fsum([1, 2, 3]), math.fsum(x / 7 for x in range(100)), math.fsum([math.inf, 1.0]))
