def matmul(a, b):
    n, m, p = len(a), len(b), len(b[0])
    return [[sum(a[i][k] * b[k][j] for k in range(m)) for j in range(p)] for i in range(n)]
def identity(n):
    return [[1 if i == j else 0 for j in range(n)] for i in range(n)]
def transpose(a):
    return [list(row) for row in zip(*a)]
def det(a):
    n = len(a)
    if n == 1:
        return a[0][0]
    if n == 2:
        return a[0][0] * a[1][1] - a[0][1] * a[1][0]
    total = 0
    for c in range(n):
        minor = [row[:c] + row[c + 1:] for row in a[1:]]
        total += (-1) ** c * a[0][c] * det(minor)
    return total
def show(m):
    for row in m:
        print(" ".join(str(v).rjust(5) for v in row))
a = [[(i * 3 + j) % 7 - 3 for j in range(4)] for i in range(4)]
b = [[(i + 2 * j) % 5 for j in range(4)] for i in range(4)]
show(a)
print()
show(matmul(a, b))
print(matmul(a, identity(4)) == a, transpose(transpose(b)) == b)
print(det(a), det(b), det(matmul(a, b)), det(a) * det(b))
f = [[1.5, -2.0], [0.25, 4.0]]
print(matmul(f, f), det(f))
m = identity(3)
step = [[1, 1, 0], [0, 1, 1], [0, 0, 1]]
for _ in range(10):
    m = matmul(m, step)
print(m)
