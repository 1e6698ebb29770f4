a = list(range(15))
del a[2:4]
print(a)
del a[::3]
print(a)
del a[-2:]
print(a)
del a[::-2]
print(a)
del a[:1]
print(a)
del a[100:]
print(a)
del a[:]
print(a)
b = list(range(10))
del b[1:9:2]
print(b)
c = list(range(10))
del c[8:1:-3]
print(c)
d = {"k": [1, 2, 3, 4]}
del d["k"][1:3]
print(d)
