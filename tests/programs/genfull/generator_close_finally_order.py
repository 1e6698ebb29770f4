log = []
def gen(name):
    try:
        log.append(name + " start")
        yield 1
        yield 2
    finally:
        log.append(name + " finally")
g1 = gen("g1")
next(g1)
g1.close()
g2 = gen("g2")
for x in g2:
    if x == 1:
        break
g2.close()
def nested():
    try:
        try:
            yield "a"
        finally:
            log.append("inner finally")
    finally:
        log.append("outer finally")
n = nested()
next(n)
n.close()
print(log)
def with_return():
    try:
        yield 1
    finally:
        log.append("cleanup before return")
    return "ret"
w = with_return()
print(next(w))
try:
    next(w)
except StopIteration as e:
    print("stop", e.value)
print(log[-1])
def gen_raise_on_close():
    try:
        yield
    except GeneratorExit:
        raise ValueError("during close")
g = gen_raise_on_close()
next(g)
try:
    g.close()
except ValueError as e:
    print("close raised", e)
