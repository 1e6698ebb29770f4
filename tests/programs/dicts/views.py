d = {"one": 1, "two": 2, "three": 3}
k = d.keys()
v = d.values()
it = d.items()
print(len(k), len(v), len(it), "one" in k, 2 in v, ("two", 2) in it, ("two", 3) in it)
d["four"] = 4
print(list(k), list(v), list(it))
del d["one"]
print(list(k), sorted(v), len(it))
for key in d.keys():
    print(key, d[key])
for key, val in d.items():
    print(key, "->", val)
print(sum(d.values()), max(d.values()), sorted(d.keys()), sorted(d.items(), key=lambda kv: kv[1]))
print(list(reversed(list(d))))
