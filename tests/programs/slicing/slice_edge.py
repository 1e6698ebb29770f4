a = [1, 2, 3]
print(a[3:], a[4:], a[-4:], a[:-4], a[1:1], a[2:1], a[::-1][::-1])
print(a[-1::-1], a[-1:-2:-1], a[0:0:-1], a[0::-1], a[:0:-1])
e = []
print(e[:], e[::-1], e[1:], e[-1:])
print(a[True:], a[:False])
big = 10 ** 20
print(a[-big:big], a[big:], a[::big], a[::-big])
s = "abc"
print(s[-big:big], s[1:big], repr(s[big:]))
x = list(range(5))
x[10:20] = [7]
print(x)
x[-10:1] = ["s"]
print(x)
