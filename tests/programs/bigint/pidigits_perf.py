# Spigot pi digits as pyperformance's pidigits: bigint mul/div-heavy.
def gen_pi():
    q, r, t, k, n, l = 1, 0, 1, 1, 3, 3
    while True:
        if 4 * q + r - t < n * t:
            yield n
            q, r, t, k, n, l = 10 * q, 10 * (r - n * t), t, k, (10 * (3 * q + r)) // t - 10 * n, l
        else:
            q, r, t, k, n, l = q * k, (2 * q + r) * l, t * l, k + 1, (q * (7 * k + 2) + r * l) // (t * l), l + 2
digits = []
g = gen_pi()
for _ in range(1500):
    digits.append(next(g))
s = "".join(map(str, digits))
for i in range(0, 1500, 100):
    print(s[i:i + 100])
