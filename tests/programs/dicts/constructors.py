print(dict(), dict(a=1, b=2), dict([("x", 1), ("y", 2)]), dict({"k": "v"}), dict({"k": 1}, z=2))
print(dict(zip(["a", "b"], [1, 2])), dict([[1, 2], (3, 4)]), dict((("p", 0),)))
print(dict.fromkeys(range(3), "v"))
d = dict(a=1)
d2 = dict(d, b=2)
print(d, d2)
try:
    dict([(1, 2, 3)])
except ValueError as e:
    print("ValueError", e)
try:
    dict([1, 2])
except TypeError as e:
    print("TypeError", e)
print({**{"a": 1}, "b": 2, **{"a": 3}})
print({1: 2} | {3: 4}, {"a": 1} | {"a": 2})
m = {"x": 1}
m |= {"y": 2}
print(m)
