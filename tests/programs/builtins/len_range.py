print(len("abc"), len([1, 2]), len((1,)), len({1: 2}), len({1, 2, 3}), len(range(10)), len(""), len(frozenset([1])))
print(list(range(5)), list(range(2, 8)), list(range(0, 20, 5)), list(range(10, 0, -1)), list(range(10, 0, -3)))
print(list(range(-5, 5, 2)), list(range(5, -5, -2)), list(range(0)), list(range(5, 5)), list(range(5, 0)), list(range(0, 5, -1)))
print(len(range(0, 100, 7)), len(range(100, 0, -7)), len(range(-10, 10, 3)), len(range(10, -10, -3)))
r = range(3, 30, 4)
print(r[0], r[-1], r[2], 7 in r, 8 in r, r.start, r.stop, r.step)
print(list(r[1:4]), list(r[::-1]), list(range(10)[::3]))
print(sum(range(1, 1001)), max(range(7)), min(range(3, 9)), sorted(range(5, 0, -1)))
big = range(0, 10 ** 12, 7)
print(len(big), big[-1], 10 ** 12 - 1 in big, 7 in big)
print(range(5) == range(0, 5), list(range(-3)))
try:
    range(1, 5)[10]
except IndexError as e:
    print("IndexError", e)
