data = (10, 20, 30, 40, 50)
first, *rest = data[::2]
print(first, rest)
head, tail = data[:2], data[2:]
print(head, tail)
a, b = data[1:3]
print(a, b)
mid = data[len(data) // 2]
print(mid, data[:len(data) // 2], data[len(data) // 2 + 1:])
m = [[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]]
sub = [row[1:3] for row in m[1:]]
print(sub, [row[::-1] for row in m[::-1]])
