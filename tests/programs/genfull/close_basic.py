def g():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
it = g()
print(next(it))
it.close()
it.close()
print(list(it))
def h():
    try:
        yield 1
    except GeneratorExit:
        print("got GeneratorExit")
        raise
x = h(); next(x); x.close()
def bad():
    try:
        yield 1
    except GeneratorExit:
        yield 2
b = bad(); next(b)
try:
    b.close()
except RuntimeError as e:
    print(e)
def ret():
    try:
        yield 1
    except GeneratorExit:
        return "ignored"
r = ret(); next(r); print(r.close())
u = g(); u.close(); print("closed unstarted")
def swallow():
    try:
        yield 1
    finally:
        return 5
s = swallow(); next(s); print(s.close())
