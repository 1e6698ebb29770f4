d = {"a": 1, "b": 2}
print(d.get("a"), d.get("z"), d.get("z", 0), d.get("a", 99))
print(d.setdefault("c", 3), d.setdefault("a", 100), d.setdefault("n"), d)
print(d.pop("b"), d.pop("zz", "default"), d)
try:
    d.pop("zz")
except KeyError as e:
    print("KeyError", e)
print(d.popitem(), d)
d.update({"x": 10, "a": -1})
d.update([("y", 20), ("z", 30)])
d.update(w=40)
print(d)
print(list(d.keys()), list(d.values()), list(d.items()))
print(dict.fromkeys(["p", "q"]), dict.fromkeys("ab", 0), dict.fromkeys([]))
e = d.copy()
e["new"] = 1
print(len(d), len(e), "new" in d, "new" in e)
e.clear()
print(e, len(e))
try:
    {}.popitem()
except KeyError as ex:
    print("KeyError", ex)
print(d.get("x") is not None, "x" in d, "q" not in d, 10 in d)
