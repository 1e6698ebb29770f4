from itertools import permutations, combinations, product, combinations_with_replacement

print(list(permutations([1, 2, 3])))
print(list(permutations("abcd", 2)))
print(list(permutations(range(3), 0)), list(permutations([], 1)), list(permutations([1], 2)))
print(len(list(permutations(range(6)))), sum(1 for _ in permutations(range(7), 3)))
print(list(combinations("abcde", 3)))
print(list(combinations(range(4), 0)), list(combinations(range(2), 3)), list(combinations([], 0)))
print(len(list(combinations(range(20), 4))))
print(list(product("ab", [1, 2, 3])))
print(list(product(range(2), repeat=3)))
print(list(product()), list(product([], [1])), list(product("xy", "z", repeat=2)))
print(list(combinations_with_replacement("abc", 2)))
for p in permutations("xyz"):
    print("".join(p), end=" ")
print()
try:
    list(permutations([1, 2], -1))
except ValueError as e:
    print("ValueError", e)
try:
    list(combinations([1, 2], -1))
except ValueError as e:
    print("ValueError", e)
try:
    list(product([1], repeat=-1))
except ValueError as e:
    print("ValueError", e)
