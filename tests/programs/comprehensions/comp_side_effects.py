log = []
def track(v):
    log.append(v)
    return v
res = [track(x) for x in range(3) if track(x * 10) >= 0]
print(res, log)
log.clear()
d = {track(k): track(k * 100) for k in range(2)}
print(d, log)
log.clear()
s = {track(x % 2) for x in range(4)}
print(sorted(s), log)
acc = []
[acc.append(i) for i in range(3)]
print(acc)
