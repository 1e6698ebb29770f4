a, *b = [1, 2, 3, 4]
print(a, b)
*a, b = [1, 2, 3, 4]
print(a, b)
a, *b, c = [1, 2, 3, 4, 5]
print(a, b, c)
a, *b, c = [1, 2]
print(a, b, c)
*a, = (1, 2)
print(a)
first, *middle, last = "hello"
print(first, middle, last)
(a, *b), c = [1, 2, 3], 4
print(a, b, c)
head, *tail = range(5)
print(head, tail, type(tail).__name__)
for x, *rest in [(1, 2, 3), (4,), (5, 6)]:
    print(x, rest)
try:
    a, *b, c = [1]
except ValueError as e:
    print("ValueError", e)
print([*range(3), *"ab", *[None]], (*[1, 2], 3), {*[1, 1, 2]} == {1, 2})
merged = {**{"a": 1}, **{"b": 2}}
print(merged)
