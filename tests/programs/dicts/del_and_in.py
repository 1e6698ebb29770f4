d = {i: i * i for i in range(10)}
del d[3]
del d[0], d[9]
print(d, 3 in d, 4 in d)
try:
    del d[100]
except KeyError as e:
    print("KeyError", e)
for k in list(d):
    if k % 2 == 0:
        del d[k]
print(d)
try:
    for k in d:
        d[k + 100] = 0
except RuntimeError as e:
    print("RuntimeError", e)
e = {"a": 1}
try:
    for k in e:
        del e[k]
except RuntimeError as ex:
    print("RuntimeError", ex)
print(e)
big = {}
for i in range(1000):
    big[i] = i
for i in range(0, 1000, 2):
    del big[i]
print(len(big), sum(big), list(big)[:5])
for i in range(1000):
    big[i] = -i
print(len(big), list(big)[:5], list(big)[-3:])
