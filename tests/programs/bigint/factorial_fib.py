def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r
f = fact(1000)
print(len(str(f)), str(f)[:30], sum(int(c) for c in str(f)), f % (10**9 + 7))
a, b = 0, 1
for _ in range(5000):
    a, b = b, a + b
print(len(str(a)), a % 1000000007, str(a)[-20:])
def isqrt(n):
    x = n
    y = (x + 1) // 2
    while y < x:
        x = y
        y = (x + n // x) // 2
    return x
print(isqrt(10**200), isqrt(2 * 10**100))
print(pow(2, 10000, 10**30), (2**4423 - 1) % 1000000)
