a = [1, 2, 3]
b = a
c = a[:]
d = list(a)
b.append(4)
print(a, b, c, d, a is b, a is c, a == c)
def mutate(lst):
    lst.append("m")
    lst = ["new"]
    lst.append("n")
    return lst
r = mutate(a)
print(a, r)
grid = [[i * 3 + j for j in range(3)] for i in range(3)]
copy = [row[:] for row in grid]
copy[0][0] = 99
print(grid, copy)
shallow = grid[:]
shallow[1][1] = -1
print(grid[1], shallow[1], shallow is grid, shallow[1] is grid[1])
x = [[]] * 3
x[0].append(1)
print(x)
y = [[] for _ in range(3)]
y[0].append(1)
print(y)
