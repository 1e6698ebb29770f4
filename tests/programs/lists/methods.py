a = [3, 1, 4]
a.append(1)
a.extend([5, 9])
a.extend((2, 6))
a.extend("ab")
print(a, len(a))
a.insert(0, "first")
a.insert(-1, "before-last")
a.insert(100, "end")
a.insert(-100, "start")
print(a)
print(a.pop(), a.pop(0), a.pop(2), a.pop(-2))
print(a)
a.remove("a")
a.remove(1)
print(a, a.index(5), a.index(4), a.count(1), a.count(99))
b = [5, 2, 8, 1, 9, 3]
b.sort()
print(b)
b.sort(reverse=True)
print(b)
b.reverse()
print(b)
c = b.copy()
c.append(100)
print(b, c)
c.clear()
print(c, len(c))
print([1, 2, 3].index(3, 1), [1, 2, 1, 2].index(2, 2), [0, 1, 0].index(0, 1, 3))
for op in ["remove", "index", "pop"]:
    try:
        if op == "remove":
            [1, 2].remove(3)
        elif op == "index":
            [1, 2].index(3)
        else:
            [].pop()
    except (ValueError, IndexError) as e:
        print(type(e).__name__, e)
try:
    [1].pop(5)
except IndexError as e:
    print("IndexError", e)
print(b.sort() is None, b.append(0), b)
