from array import array
import array as arraymodule

d = array("d", [1, 2.5, -3])
print(d, d.typecode, d.itemsize, len(d), d[0], d[-1], d.tolist())
d.append(4); d.extend([5.5, 6]); d[1] = 9
print(d, sum(d), max(d), list(d), 9 in d, d.index(9.0), d.count(4.0))
print(d[1:3], d[::-1], d.pop(), d.pop(0), d)
i = array("i", range(5))
i.insert(0, -1); i.remove(3); i.reverse()
print(i, i * 2, i + array("i", [7]), i == array("i", [4, 2, 1, 0, -1]))
b = array("b", [-128, 0, 127]); B = array("B", [0, 255]); l = array("l", [2 ** 62])
print(b, B, l, b.itemsize, B.itemsize, l.itemsize, array("i").itemsize, array("i"))
grid = array("d", [0.0]) * 4
grid[2] = 1.5
print(grid, arraymodule.typecodes)
i[1:3] = array("i", [8, 8, 8]); print(i)
del i[0]; print(i)
for code, values in [("b", [128]), ("b", [-129]), ("B", [256]), ("B", [-1]), ("i", [2 ** 31]), ("i", [1.5]), ("d", ["x"]), ("l", [2 ** 70])]:
    try:
        array(code, values)
    except (OverflowError, TypeError) as e:
        print(code, type(e).__name__, e)
for f in [lambda: array("z"), lambda: array("i", [1])[5], lambda: array("i").pop(), lambda: array("i", [1]).remove(9), lambda: array("i", [1]) + array("d"), lambda: array("i", [1]) + [1]]:
    try:
        f()
    except (ValueError, IndexError, TypeError) as e:
        print(type(e).__name__, e)
