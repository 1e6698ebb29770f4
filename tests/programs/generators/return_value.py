def gen():
    yield 1
    return "final"
g = gen()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("value:", e.value, "args:", e.args)
def gen_none():
    yield 1
g = gen_none()
next(g)
try:
    next(g)
except StopIteration as e:
    print("value:", e.value, "args:", e.args)
def gen_return_tuple():
    return (1, 2)
    yield
try:
    next(gen_return_tuple())
except StopIteration as e:
    print("value:", e.value)
def collector():
    items = []
    while True:
        x = yield
        if x == "stop":
            return items
        items.append(x)
c = collector()
next(c)
for w in ["a", "b", "c", "stop"]:
    try:
        c.send(w)
    except StopIteration as e:
        print("collected", e.value)
