squares = {x: x * x for x in range(8)}
print(squares)
inv = {v: k for k, v in squares.items()}
print(inv)
even = {k: v for k, v in squares.items() if k % 2 == 0}
print(even)
words = ["apple", "bob", "cat", "apricot", "banana"]
by_first = {}
for w in words:
    by_first.setdefault(w[0], []).append(w)
print(by_first)
lengths = {w: len(w) for w in words}
print(lengths, max(lengths, key=lambda k: lengths[k]))
grid = {(i, j): i * j for i in range(3) for j in range(3) if i != j}
print(grid)
counts = {c: "mississippi".count(c) for c in "mississippi"}
print(counts)
print({k: [x for x in range(k)] for k in range(4)})
print({str(i): i for i in range(3)}, dict(zip("abc", range(3))))
