from itertools import count, cycle, repeat, islice

c = count()
print([next(c) for _ in range(5)])
print(list(islice(count(10, 5), 4)), list(islice(count(2.5, 0.5), 3)), list(islice(count(-1, -2), 3)))
print(list(islice(cycle("abc"), 8)), list(cycle([])))
print(list(repeat("x", 3)), list(repeat(7, 0)), list(islice(repeat(None), 2)))
print(list(map(pow, range(5), repeat(2))))
for i, ch in zip(count(1), "hey"):
    print(i, ch)
try:
    count("a")
except TypeError as e:
    print("TypeError", e)
