def inner():
    yield 1
    yield 2
    return "inner-result"
def outer():
    r = yield from inner()
    print("inner returned", r)
    yield 3
    yield from [4, 5]
    yield from "ab"
    yield from range(6, 8)
print(list(outer()))
def flatten(x):
    for item in x:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item
print(list(flatten([1, [2, [3, [4]], 5], [[6]]])))
def chain(*its):
    for it in its:
        yield from it
print(list(chain([1], (2, 3), "xy", {"k": 0})))
def tree(n):
    if n == 0:
        return
    yield n
    yield from tree(n - 1)
    yield -n
print(list(tree(3)))
