# set(iterable) and set.update(iterable) take the items one by one, as CPython does: an
# exception midway leaves the items added before it, and a non-iterable is a TypeError.


def gen(n, fail_at):
    for i in range(n):
        if i == fail_at:
            raise ValueError(f"stopped at {i}")
        yield i


s = {100}
try:
    s.update(gen(10, 4))
except ValueError as e:
    print("ValueError", e)
print(sorted(s))

try:
    set(gen(10, 3))
except ValueError as e:
    print("ValueError", e)

for bad in (5, None, 2.5):
    try:
        set(bad)
    except TypeError as e:
        print("TypeError", e)
    try:
        s.update(bad)
    except TypeError as e:
        print("TypeError", e)


class Unhashable:
    __hash__ = None


try:
    s.update([1, 2, Unhashable(), 3])
except TypeError as e:
    print("TypeError", e)
print(sorted(s))
print(sorted(set(x * x for x in range(-5, 6))), len(set("mississippi")), sorted(set(range(3))))
print(frozenset(gen(4, 99)) == {0, 1, 2, 3})
