points = [(3, 1), (1, 2), (3, 0), (2, 2), (1, 1)]
print(sorted(points), max(points), min(points))
grid = {}
for x in range(3):
    for y in range(3):
        grid[(x, y)] = x * 10 + y
print(grid[(2, 1)], grid[1, 2], (1, 1) in grid, (5, 5) in grid, len(grid))
def neighbors(p):
    x, y = p
    return [(x + dx, y + dy) for dx, dy in ((0, 1), (1, 0), (0, -1), (-1, 0)) if (x + dx, y + dy) in grid]
print(neighbors((0, 0)), neighbors((1, 1)))
records = [("smith", "john", 40), ("doe", "jane", 35), ("smith", "anna", 28), ("doe", "adam", 50)]
records.sort()
for r in records:
    print(r)
print(sorted(records, key=lambda r: (r[2] < 40, r[0])))
pairs = list(zip((1, 2, 3), ("a", "b", "c")))
print(pairs, dict(pairs))
