print(min(3, 1, 2), max(3, 1, 2), min([4, 5]), max((7, 9)), min("hello"), max("hello"))
print(min([3, -4, 2], key=abs), max(["aa", "b", "cccc"], key=len), max([], default="empty"), min([], default=None))
print(min([1, 1.0]), max([1.0, 1]), max(1, 2, key=lambda x: -x))
print(max([(1, "b"), (1, "a")]), min([[2], [1, 5]]))
print(max([2, 7, 7, 3], key=lambda x: x % 5), min(["b", "a", "c"], key=lambda s: 0))
print(sum([1, 2, 3]), sum([1, 2, 3], 10), sum([]), sum([0.5, 0.25]), sum(range(10), -45), sum([[1], [2]], []))
print(sum(x * x for x in range(4)), sum([True, True]), sum((1, 2), start=3))
try:
    max([])
except ValueError as e:
    print("ValueError", e)
try:
    sum(["a", "b"], "")
except TypeError as e:
    print("TypeError", e)
try:
    min(1)
except TypeError as e:
    print("TypeError", e)
