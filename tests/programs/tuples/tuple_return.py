def minmax(seq):
    return min(seq), max(seq)
lo, hi = minmax([5, 3, 9, 1])
print(lo, hi, minmax("hello"))
def stats(xs):
    n = len(xs)
    m = sum(xs) / n
    return n, m, (min(xs), max(xs))
n, m, (a, b) = stats([2, 4, 6, 8])
print(n, m, a, b)
def divmod2(a, b):
    return a // b, a % b
q, r = divmod2(47, 5)
print(q, r, divmod2(-47, 5))
res = stats([1.5, 2.5])
print(res, res[2][1], len(res))
def swap(*args):
    return args[::-1]
print(swap(1, 2, 3), swap(), swap("x"))
