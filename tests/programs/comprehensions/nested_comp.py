matrix = [[i * 4 + j for j in range(4)] for i in range(4)]
print(matrix)
print([[matrix[j][i] for j in range(4)] for i in range(4)])
print([sum(row) for row in matrix], sum(sum(row) for row in matrix))
print({i: {j: i * j for j in range(3)} for i in range(3)})
print([(a, b, c) for a in range(1, 20) for b in range(a, 20) for c in range(b, 20) if a * a + b * b == c * c])
flat = [y for x in [[1, [2, 3]], [4]] for y in x]
print(flat)
print([[c for c in w] for w in ["ab", "cde"]])
words = ["apple", "banana", "cherry"]
print({w: {c: w.count(c) for c in w if w.count(c) > 1} for w in words})
