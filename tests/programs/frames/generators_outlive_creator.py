# Generators whose creating call has returned keep their frames (and locals) intact while
# other calls reuse the memory the creator's frame had.

def make(n, tag):
    prefix = tag * 2
    big = [n, n + 1, n + 2]

    def gen():
        total = 0
        for i in range(n):
            total += big[i % 3]
            got = yield (prefix, i, total)
            if got is not None:
                total += got
        return total

    return gen()


def churn(depth, a, b, c, d):
    # Fill the frame memory the creators used with other values.
    if depth == 0:
        return a + b + c + d
    return churn(depth - 1, a + 1, b * 2 % 97, c - 1, d ^ depth)


gens = [make(k + 3, chr(97 + k)) for k in range(6)]
print(churn(50, 1, 2, 3, 4))
for g in gens:
    print(next(g))
print(churn(300, 5, 6, 7, 8))
for round_ in range(3):
    for g in gens:
        try:
            print(g.send(round_))
        except StopIteration as stop:
            print("done", stop.value)
    print(churn(20 * round_, round_, 1, 2, 3))


def nested(depth):
    if depth == 0:
        return make(4, "z")
    return nested(depth - 1)


deep = [nested(d) for d in range(0, 120, 7)]
print(sum(len(list(g)) for g in deep))


def delegate(n):
    yield from make(n, "y")
    yield "end"


print(list(delegate(5)))
