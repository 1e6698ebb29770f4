def step(live, w, h):
    counts = {}
    for (x, y) in live:
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                if dx or dy:
                    p = ((x + dx) % w, (y + dy) % h)
                    counts[p] = counts.get(p, 0) + 1
    return {p for p, c in counts.items() if c == 3 or (c == 2 and p in live)}
def render(live, w, h):
    return "\n".join("".join("#" if (x, y) in live else "." for x in range(w)) for y in range(h))
glider = {(1, 0), (2, 1), (0, 2), (1, 2), (2, 2)}
w, h = 8, 6
g = glider
for gen in range(5):
    print("gen", gen, "cells", len(g))
    print(render(g, w, h))
    g = step(g, w, h)
blinker = {(1, 0), (1, 1), (1, 2)}
b = step(step(blinker, 5, 5), 5, 5)
print(b == blinker, sorted(step(blinker, 5, 5)))
r = {(10, 10), (11, 10), (9, 11), (10, 11), (10, 12)}
for i in range(30):
    r = step(r, 40, 40)
print(len(r), min(r), max(r))
