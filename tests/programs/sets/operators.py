a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(b - a), sorted(a ^ b))
print(a <= b, {1, 2} <= a, a <= a, {1, 2} < a, a < a, a >= {1}, a > {1, 2, 3, 4}, a == {4, 3, 2, 1})
print(len(a), 3 in a, 7 in a, 7 not in a)
c = set(a)
c |= {10}
c &= {1, 10, 2}
print(sorted(c))
c -= {1}
print(sorted(c))
c ^= {2, 99}
print(sorted(c))
print(sorted({1, 2} | {2, 3} | {3, 4}), sorted(a & b & {4}))
print(set() == set(), {1} != {2}, bool(set()), bool({0}))
print(sorted({x % 5 for x in range(100)}), len({1, 1, 1, 2}))
print(sorted({1, 1.0, True}), len({1, 1.0, True}), sorted({"a", "b", "a"}))
