from itertools import islice

data = list(range(20))
print(list(islice(data, 5)))
print(list(islice(data, 2, 8)))
print(list(islice(data, 2, 15, 3)))
print(list(islice(data, None)), list(islice(data, 3, None)), list(islice(data, None, 4)))
print(list(islice(data, 30)), list(islice(data, 5, 5)), list(islice(data, 8, 3)))
it = iter(range(10))
print(list(islice(it, 3)), next(it))
it = iter(range(10))
print(list(islice(it, 2, 4)), next(it))
it = iter(range(10))
print(list(islice(it, 5, 2)), next(it))
print(list(islice("abcdefg", 1, None, 2)))
def gen():
    n = 0
    while True:
        yield n * n
        n += 1
print(list(islice(gen(), 10)))
for args in [(-1,), (1, -2), (0, 5, 0), (0, 5, -1), ("a",)]:
    try:
        islice(data, *args)
    except ValueError as e:
        print("ValueError", e)
