print({x % 7 for x in range(100)}, {x * x for x in range(-5, 6)}, {c for c in "hello world"})
print({(x, x % 2) for x in range(6)}, {str(x) for x in range(12)}, {x / 2 for x in range(6)})
s = {i for i in range(100) if i % 9 == 0}
print(s, 27 in s, 28 in s, len(s))
big = {i * 1000003 % 9973 for i in range(300)}
print(len(big), list(big)[:25])
print(set(map(lambda x: -x, range(10))), set(filter(lambda x: x % 3, range(20))))
print({-1, -2, -3, 0, 1}, {2**32, 2**33, 1, 2}, {1.5, 2.5, -0.5})
