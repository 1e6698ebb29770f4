d = {}
d[1] = "int"
d["1"] = "str"
d[(1,)] = "tuple"
d[None] = "none"
d[2.5] = "float"
d[True] = "bool-overwrites-1"
d[frozenset([1, 2])] = "frozen"
d[-(2 ** 80)] = "big"
print(len(d), d[1], d["1"], d[(1,)], d[None], d[2.5], d[frozenset([2, 1])], d[-(2 ** 80)])
print(list(d.values()))
try:
    d[[1, 2]] = 3
except TypeError as e:
    print("TypeError", e)
try:
    d[{}] = 3
except TypeError as e:
    print("TypeError", e)
try:
    print(d[{1}])
except TypeError as e:
    print("TypeError", e)
try:
    d["missing"]
except KeyError as e:
    print("KeyError", e, repr(e), e.args)
try:
    d[(1, 2)]
except KeyError as e:
    print("KeyError", e)
try:
    d[0.5]
except KeyError as e:
    print("KeyError", e)
print(d.get([1]) if False else "ok")
