def acc():
    total = 0
    while True:
        x = yield total
        if x is None:
            break
        total += x
    return total
a = acc()
print(a.send(None), a.send(5), a.send(10))
try:
    a.send(None)
except StopIteration as e:
    print("final", e.value)
b = acc()
try:
    b.send(1)
except TypeError as e:
    print(e)
def running():
    yield me.send(None)
me = running()
try:
    next(me)
except ValueError as e:
    print(e)
print(me.gi_running if hasattr(me, "gi_running") else "")
