print((1.5).is_integer(), (2.0).is_integer(), (-0.0).is_integer())
print(float.__name__, type(1e5).__name__)
vals = [1.5, 2.5, -0.5, 1e-3, 7.0]
print([v * 2 for v in vals])
print([v > 0 for v in vals])
print(sorted(vals, reverse=True))
print(max(vals, key=abs), min(vals, key=abs))
c = 0.0
for v in range(1, 100):
    c += v ** -2
print(c)
print(hex(255) + " " + str(255.0))
print(0.1 + 0.2 - 0.3, 1e-17 + 1, 1 + 1e-16)
print(5e-324, 5e-324 * 0.5, 1.0 - 2 ** -53, 1.0 + 2 ** -52)
