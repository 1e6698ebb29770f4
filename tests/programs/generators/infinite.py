def naturals():
    n = 0
    while True:
        yield n
        n += 1
for n in naturals():
    if n * n > 50:
        break
print("first square over 50 from", n)
def primes():
    found = []
    n = 2
    while True:
        if all(n % p for p in found):
            found.append(n)
            yield n
        n += 1
ps = primes()
print([next(ps) for _ in range(15)])
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
out = []
for v in f:
    if v > 10 ** 20:
        break
    out.append(v)
print(len(out), out[-1])
def take(n, it):
    res = []
    for x in it:
        if len(res) >= n:
            break
        res.append(x)
    return res
print(take(5, naturals()), take(3, fib()))
def cycle(seq):
    while True:
        for s in seq:
            yield s
print(take(7, cycle("abc")))
