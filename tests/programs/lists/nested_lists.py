matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print(matrix[1], matrix[1][2], matrix[-1][-1], len(matrix), len(matrix[0]))
transposed = [[row[i] for row in matrix] for i in range(3)]
print(transposed)
flat = [x for row in matrix for x in row]
print(flat, sum(flat))
diag = [matrix[i][i] for i in range(3)]
anti = [matrix[i][2 - i] for i in range(3)]
print(diag, anti)
for row in matrix:
    row.reverse()
print(matrix)
tree = [1, [2, [3, [4, []]]]]
depth = 0
node = tree
while node:
    depth += 1
    node = node[1]
print("depth", depth)
def flatten(x):
    out = []
    for item in x:
        if isinstance(item, list):
            out.extend(flatten(item))
        else:
            out.append(item)
    return out
print(flatten([1, [2, [3, [4, [5]]]], [], [[6, 7]], 8]))
print([[1, 2], [3]] + [[4]], [[0]] * 2)
