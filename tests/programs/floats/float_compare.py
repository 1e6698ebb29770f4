print(1.0 == 1, 1.5 > 1, 2 ** 60 == 2.0 ** 60, 2 ** 60 + 1 == 2.0 ** 60, 2 ** 60 + 1 > 2.0 ** 60)
print(0.1 < 0.2, 0.1 + 0.2 > 0.3, -1.5 < -1, 1e-300 > 0, -1e-300 < 0)
print(sorted([2.5, -1, 3, 0.5, -0.25, 10 ** 20, 1e19]))
print(max([1.5, 2, 2.0]), min([2.0, 2, 1.9999]))
print(3.0 in [1, 2, 3], 3 in [1.0, 2.0, 3.0], [1, 2] == [1.0, 2.0])
d = {1: "int one", 2.5: "two and half"}
print(d[1.0], d[2.5], 1.0 in d, hash(1) == hash(1) if True else 0)
print(10 ** 30 < 1e31, 10 ** 30 > 1e29, 10 ** 400 > float("inf") if False else 10 ** 400 < float("inf"))
print(-(10 ** 400) > float("-inf"), float("nan") in [float("nan")])
