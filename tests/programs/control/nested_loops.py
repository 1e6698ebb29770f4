n = 6
for i in range(1, n + 1):
    print(" " * (n - i) + "*" * (2 * i - 1))
table = []
for i in range(1, 10):
    row = []
    for j in range(1, 10):
        row.append(i * j)
    table.append(row)
print(table[8], sum(map(sum, table)))
count = 0
for a in range(1, 30):
    for b in range(a, 30):
        c2 = a * a + b * b
        c = 1
        while c * c < c2:
            c += 1
        if c * c == c2 and c < 30:
            count += 1
            print(a, b, c)
print("triples", count)
i = 0
total = 0
while i < 5:
    j = 0
    while j < i:
        total += i * j
        j += 1
    i += 1
print(total)
