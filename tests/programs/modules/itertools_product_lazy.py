from itertools import product, islice

big = product(range(10), repeat=9)
print(list(islice(big, 12)))
print(next(big), next(big))
print(sum(1 for _ in product("ab", range(3), [True, False])))
print(list(product([1, 2], [], [3])), list(product(repeat=2)), list(product("a", repeat=0)))
total = 0
for a, b, c in product(range(12), range(12), range(12)):
    total += a * b - c
print(total)
