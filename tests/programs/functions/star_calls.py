def f(a, b, c, d=4):
    return [a, b, c, d]
args = [1, 2, 3]
print(f(*args), f(*args, 40), f(*args, d=0), f(0, *[1, 2]), f(*(9, 8), *[7]))
print(f(**{"a": 1, "b": 2, "c": 3}), f(1, **{"c": 3, "b": 2}), f(*[1], **{"b": 2, "c": 3, "d": 5}))
print(f(*range(3)), f(*"xyz"), f(*{"k1": 0, "k2": 0, "k3": 0}))
def g(*a, **k):
    return len(a), sorted(k)
print(g(*[], **{}), g(*[1, 2], 3, *[4], x=1, **{"y": 2}, z=3))
try:
    f(*[1, 2])
except TypeError as e:
    print("TypeError", e)
try:
    f(1, 2, 3, **{"a": 9})
except TypeError as e:
    print("TypeError", e)
print(*[1, 2, 3])
print(*"abc", sep="|")
print(*[], "only")
print(*range(3), *range(3, 5), sep=",")
