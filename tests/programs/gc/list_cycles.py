total = 0
for i in range(100000):
    a = [i]
    b = [a, i + 1]
    a.append(b)
    total += a[1][1] + b[0][0]
print(total)
keep = []
for i in range(1000):
    x = [i]
    x.append(x)
    if i % 100 == 0:
        keep.append(x)
print(len(keep), [k[0] for k in keep], keep[3][1][1][1][0])
