d = {}
for i in range(5000):
    d[(i * 7919) % 10007] = i
print(len(d), d[0], d[7919], sum(d.values()) % 100000)
keys = list(d)
print(keys[:5], keys[-5:])
s = {}
for i in range(3000):
    s[str(i)] = i
print(s["2999"], s["0"], len(s), sum(len(k) for k in s))
for i in range(0, 3000, 3):
    del s[str(i)]
print(len(s), list(s)[:4])
for i in range(3000):
    s[str(i)] = s.get(str(i), -1) + 1
print(len(s), list(s)[:4], list(s)[-4:])
