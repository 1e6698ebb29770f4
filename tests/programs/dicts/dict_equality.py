a = {"x": 1, "y": [1, 2]}
b = {"y": [1, 2], "x": 1}
print(a == b, a != b, a == {"x": 1}, {} == {}, {1: 1} == {1: 1.0})
c = a.copy()
c["y"].append(3)
print(a, c, a == c)
print(len({}), len({1: 2, 3: 4}), bool({}), bool({0: 0}))
try:
    print({1: 2} < {1: 3})
except TypeError as e:
    print("TypeError", e)
print(repr({}), repr({"k": "v", 1: None, (1, 2): [3]}), str({1: "a"}))
r = {}
r["self"] = r
print(len(r), r["self"] is r)
