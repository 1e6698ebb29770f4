for i in range(3):
    print(i)
for ch in "abc":
    print(ch, end=",")
print()
for x in [10, 20, 30]:
    print(x * 2, end=" ")
print()
for k in {"one": 1, "two": 2}:
    print(k)
for a, b in [(1, 2), (3, 4)]:
    print(a + b)
for i, (a, b) in enumerate([("x", 1), ("y", 2)]):
    print(i, a, b)
total = 0
for i in range(1, 101):
    total += i * i
print(total)
for i in range(3):
    for j in range(3):
        if i == j:
            print(i, j)
lst = [1, 2, 3]
for v in lst:
    v = v * 10
print(lst)
for i in range(0):
    print("never")
print("i still", i)
result = []
for row in [[1, 2], [3], [], [4, 5, 6]]:
    for v in row:
        result.append(v)
print(result)
for t in (1, "a", None, 2.5):
    print(type(t).__name__)
