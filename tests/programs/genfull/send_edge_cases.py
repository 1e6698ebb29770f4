def echo():
    received = []
    while len(received) < 3:
        x = yield len(received)
        received.append(x)
    return received
e = echo()
print(e.send(None), e.send("a"), e.send("b"))
try:
    e.send("c")
except StopIteration as s:
    print("returned", s.value)
try:
    e.send("d")
except StopIteration as s:
    print("again", s.value)
def gen():
    yield 1
g = gen()
print(next(g), next(g, "default"), next(g, None))
def two_way():
    x = 0
    while True:
        cmd = yield x
        if cmd == "inc":
            x += 1
        elif cmd == "dec":
            x -= 1
        elif cmd == "stop":
            return x
t = two_way()
next(t)
print([t.send(c) for c in ["inc", "inc", "dec", "inc"]])
try:
    t.send("stop")
except StopIteration as s:
    print(s.value)
