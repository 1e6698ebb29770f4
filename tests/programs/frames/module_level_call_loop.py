# A module-level loop calling functions a million times. The module frame is live for the
# whole run, so an allocator that reclaims memory only when the outermost frame returns would
# keep every dead callee frame; the arena must run this in bounded memory.


def leaf(a, b):
    return a + b


def middle(n):
    return leaf(n, 1) - 1


total = 0
for i in range(1000000):
    total = leaf(total, i)
    if i % 1000 == 0:
        total = middle(total)
print(total)
