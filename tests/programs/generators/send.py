def accumulator():
    total = 0
    while True:
        v = yield total
        if v is None:
            break
        total += v
    return total
acc = accumulator()
print(next(acc))
print(acc.send(5), acc.send(10), acc.send(-3))
try:
    acc.send(None)
except StopIteration as e:
    print("StopIteration value", e.value)
def echo():
    received = []
    while len(received) < 3:
        x = yield len(received)
        received.append(x)
    return received
e = echo()
print(e.send(None))
print(e.send("a"), e.send("b"))
try:
    e.send("c")
except StopIteration as stop:
    print("done", stop.value)
g = accumulator()
try:
    g.send(1)
except TypeError as err:
    print("TypeError", err)
def delegator():
    r = yield from accumulator()
    yield "delegate got " + str(r)
d = delegator()
print(next(d), d.send(7), d.send(8), d.send(None))
