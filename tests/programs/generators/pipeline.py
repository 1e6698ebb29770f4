def read_lines():
    text = "alpha 3\nbeta 7\n\ngamma 12\n# comment\ndelta 1"
    for line in text.split("\n"):
        yield line
def nonblank(lines):
    for l in lines:
        if l and not l.startswith("#"):
            yield l
def parse(lines):
    for l in lines:
        name, num = l.split()
        yield name, int(num)
def running_total(pairs):
    total = 0
    for name, n in pairs:
        total += n
        yield name, n, total
for row in running_total(parse(nonblank(read_lines()))):
    print(row)
def window(it, k):
    buf = []
    for x in it:
        buf.append(x)
        if len(buf) > k:
            buf.pop(0)
        if len(buf) == k:
            yield tuple(buf)
print(list(window(range(6), 3)))
def evens(it):
    return (x for x in it if x % 2 == 0)
print(sum(evens(range(100))), list(evens([1, 2, 3, 4])))
