def bsearch(a, x):
    lo, hi = 0, len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        if a[mid] < x:
            lo = mid + 1
        else:
            hi = mid
    return lo
data = sorted((i * 7919) % 2003 for i in range(0, 3000, 3))
print(len(data), data[:8])
for x in [-5, 0, 1, 500, 1000, 2002, 5000]:
    i = bsearch(data, x)
    print(x, i, i < len(data) and data[i] == x)
def isqrt(n):
    lo, hi = 0, n + 1
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if mid * mid <= n:
            lo = mid
        else:
            hi = mid
    return lo
print([isqrt(n) for n in [0, 1, 2, 15, 16, 17, 10 ** 20, 2 ** 127]])
