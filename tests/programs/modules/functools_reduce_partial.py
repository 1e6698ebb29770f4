from functools import reduce, partial
import operator

print(reduce(operator.add, [1, 2, 3, 4]), reduce(lambda a, b: a * b, range(1, 8)))
print(reduce(operator.add, [], 0), reduce(operator.add, [5]), reduce(max, [3, 9, 2], 4))
print(reduce(lambda acc, s: acc + s.upper(), ["a", "b", "c"], ">"))
try:
    reduce(operator.add, [])
except TypeError as e:
    print("TypeError", e)
def power(base, exponent, *, scale=1):
    return scale * base ** exponent
square = partial(power, exponent=2)
cube_scaled = partial(power, exponent=3, scale=10)
two_to = partial(power, 2)
print(square(5), cube_scaled(2), two_to(10), two_to(exponent=3))
print(square.func is power, square.args, square.keywords, two_to.args)
nested = partial(partial(power, 3), scale=2)
print(nested(2), nested.args, nested.keywords)
int_base2 = partial(int, base=2)
print(int_base2("1011"), list(map(partial(operator.mul, 3), [1, 2, 3])))
try:
    partial(5)
except TypeError as e:
    print("TypeError", e)
