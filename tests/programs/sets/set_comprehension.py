print(sorted({x * x % 7 for x in range(20)}))
print(sorted({c.lower() for c in "Hello World" if c.isalpha()}))
print(sorted({(x, y) for x in range(3) for y in range(x)}))
words = ["Apple", "avocado", "Banana", "blueberry", "cherry"]
print(sorted({w[0].lower() for w in words}))
print(len({n % 10 for n in range(1000)}), sorted({len(w) for w in words}))
print(sorted(set(map(abs, [-3, 3, -2, 2, 0]))))
print(sorted(frozenset(x for x in "aabbcc")))
