a = list(range(10))
a[2:5] = ["a", "b"]
print(a)
a[:0] = [-2, -1]
print(a)
a[len(a):] = [100]
print(a)
a[3:3] = ["ins1", "ins2"]
print(a)
a[1:4] = []
print(a)
a[:] = [1, 2, 3]
print(a)
a[::2] = ["x", "y"]
print(a)
b = list(range(10))
b[::-2] = list("abcde")
print(b)
b[1:8:3] = [None, None, None]
print(b)
try:
    b[::2] = [1, 2]
except ValueError as e:
    print("ValueError", e)
c = [1, 2, 3]
c[1:2] = "xyz"
print(c)
c[0:1] = (9, 8)
print(c)
c[5:2] = [0]
print(c)
d = [1, 2, 3, 4]
d[-1:] = [40, 50]
d[:-3] = []
print(d)
e = list(range(6))
e[::1] = range(3)
print(e)
