s = "0123456789"
t = tuple(range(10))
for sl in [slice(2, 7), slice(None, None, 3), slice(-3, None), slice(None, None, -1), slice(7, 2, -2), slice(-1, -8, -3), slice(20, 30), slice(-20, 3)]:
    print(s[sl], t[sl])
print(s[::-1][::-1] == s, t[::2][::-1], s[1:-1][1:-1])
print("hello"[1:4][::-1], "racecar"[::-1] == "racecar")
text = "alpha,beta;gamma"
i = text.index(",")
j = text.index(";")
print(text[:i], text[i + 1:j], text[j + 1:])
r = range(20)
print(list(r[3:9]), list(r[::5]), list(r[::-4]), r[5], r[-1], len(r[2:18:3]))
