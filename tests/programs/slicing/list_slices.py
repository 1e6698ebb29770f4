a = list(range(10))
print(a[2:5], a[:3], a[7:], a[-3:], a[:-7], a[::2], a[1::2], a[::-1], a[::-3], a[8:2:-2])
print(a[-1:-4:-1], a[-4:-1], a[5:5], a[9:0:-4], a[100:], a[:100], a[-100:2], a[3:-3])
print(a[::11], a[::-11], a[slice(2, 8, 3)], a[slice(None)], a[slice(-2, None)])
print(a[0:10:1] == a, a[:] is a, len(a[::-2]))
for start in [None, 0, 3, -2, 12]:
    for stop in [None, 5, -1, -12]:
        for step in [None, 1, 2, -1, -3]:
            print(start, stop, step, a[start:stop:step])
