t = (1, 2, 3)
print(t, len(t), t[0], t[-1], t[1:], t[::-1])
single = (5,)
empty = ()
print(single, empty, len(single), len(empty), type(single).__name__)
not_tuple = (5)
print(not_tuple, type(not_tuple).__name__)
u = 1, 2, "three"
print(u, type(u).__name__)
print(t + (4, 5), t * 2, 2 * (0,), () * 5)
print(3 in t, 9 in t, t.index(2), t.count(2), (1, 1, 1).count(1))
print(t == (1, 2, 3), t < (1, 2, 4), t < (1, 2), (1, "b") > (1, "a"), () < (0,))
print(tuple([1, 2]), tuple("ab"), tuple(range(4)), tuple(), tuple({"a": 1}))
print(min(t), max(t), sum(t), sorted((3, 1, 2)), list(reversed(t)))
try:
    t[0] = 9
except TypeError as e:
    print("TypeError", e)
try:
    t[10]
except IndexError as e:
    print("IndexError", e)
try:
    t.index(99)
except ValueError as e:
    print("ValueError", e)
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0], len(nested))
holder = ([1], [2])
holder[0].append(10)
print(holder)
print(hash((1, 2)) == hash((1, 2)), {(1, 2): "pair"}[(1, 2)])
print(repr((1,)), repr(("a", 2.5, None)), str(((),)))
