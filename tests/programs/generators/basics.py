def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1
print(list(count_up(5)), sum(count_up(101)))
g = count_up(3)
print(next(g), next(g), next(g))
try:
    next(g)
except StopIteration:
    print("StopIteration")
print(next(g, "exhausted"))
def multi():
    yield "a"
    yield "b"
    return
    yield "never"
print(list(multi()))
def gen_with_state():
    print("start")
    x = yield 1
    print("got", x)
    yield 2
    print("end")
gs = gen_with_state()
print("created")
print(next(gs))
print(next(gs))
print(next(gs, "done"))
for v in count_up(3):
    print("loop", v)
print(type(g).__name__)
