print({8, 16, 24, 0, 32})
print({1, 9, 17, 25, 33, 41})
print(set([2**61 - 1, 2**61, 2**62, -1, -2]))
print({0.0, 1.0, 0.5, 0.25, 1e10})
s = {i * 32 for i in range(40)}
print(s)
t = set()
for i in range(50):
    t.add(i * 64)
    if i % 3 == 0:
        t.discard(i * 32)
print(t)
print(set("abcdefghijklmnopqrstuvwxyz"))
print({(i, i) for i in range(10)})
