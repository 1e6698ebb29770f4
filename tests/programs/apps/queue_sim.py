seed = 42
def lcg():
    global seed
    seed = (seed * 6364136223846793005 + 1442695040888963407) % (2 ** 64)
    return seed >> 33
queue = []
served = []
clock = 0
next_id = 0
waits = []
for tick in range(500):
    if lcg() % 10 < 4:
        queue.append((next_id, tick))
        next_id += 1
    if queue and lcg() % 10 < 4:
        cid, arrived = queue.pop(0)
        served.append(cid)
        waits.append(tick - arrived)
print(len(served), len(queue), next_id)
print(sum(waits), max(waits), sum(waits) / len(waits))
hist = {}
for w in waits:
    bucket = w // 10 * 10
    hist[bucket] = hist.get(bucket, 0) + 1
for b in sorted(hist):
    print(str(b).rjust(4), "*" * (hist[b] // 2))
