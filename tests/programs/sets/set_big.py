s = set()
for i in range(10000):
    s.add((i * 31337) % 4099)
print(len(s), min(s), max(s), sum(s))
t = set(range(0, 4099, 7))
print(len(s & t), len(s - t), len(t - s), len(s ^ t))
for i in range(0, 4099, 2):
    s.discard(i)
print(len(s), sum(s))
u = {str(i) for i in range(500)}
print(len(u), "499" in u, "500" in u, sum(int(x) for x in u))
