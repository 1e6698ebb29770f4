f = 1
for i in range(1, 101):
    f *= i
print(f)
print(len(str(f)))
count = 0
t = f
while t % 10 == 0:
    t //= 10
    count += 1
print("trailing zeros", count)
print(f // (2 ** 97), f % (10 ** 9 + 7))
def binom(n, k):
    r = 1
    for i in range(k):
        r = r * (n - i) // (i + 1)
    return r
print(binom(100, 50), binom(60, 30), binom(10, 3))
row = [1]
for i in range(30):
    row = [1] + [row[j] + row[j + 1] for j in range(len(row) - 1)] + [1]
print(row[15], sum(row), sum(row) == 2 ** 30)
