d = {}
for w in ["zebra", "apple", "mango", "banana"]:
    d[w] = len(w)
print(d, list(d))
d["apple"] = 100
print(d)
del d["zebra"]
d["zebra"] = 0
print(d)
d.pop("mango")
d["mango"] = 5
print(list(d.items()))
e = {3: "c", 1: "a", 2: "b"}
print(e, list(e.keys()))
f = dict(e)
print(f == e, f is e, list(f) == list(e))
g = {1: "x", 1.0: "y", True: "z"}
print(g, len(g))
h = {"b": 1, "a": 2}
i = {"a": 2, "b": 1}
print(h == i, list(h) == list(i))
for i2 in range(5):
    d["k" + str(i2)] = i2
    if i2 % 2:
        del d["k" + str(i2 - 1)]
print(d)
