def make_gen(prefix, n):
    local = [prefix + str(i) for i in range(n)]
    def gen():
        for item in local:
            yield item
    return gen()
g = make_gen("x", 3)
h = make_gen("y", 2)
print(next(g), next(h), next(g), next(h), next(g), next(h, "end"))
def counter(start):
    def gen():
        nonlocal start
        while True:
            start += 1
            yield start
    return gen
mk = counter(10)
a = mk()
b = mk()
print(next(a), next(b), next(a), next(b))
def paused():
    x = 1
    yield x
    x += 1
    yield x
gens = [paused() for _ in range(3)]
print([next(gg) for gg in gens], [next(gg) for gg in gens])
