g = 1
def read():
    return g
def write():
    global g
    g = 2
def local_shadow():
    g = 3
    return g
print(read(), local_shadow(), read())
write()
print(read())
def counter_factory():
    n = 0
    def bump(by=1):
        nonlocal n
        n += by
        return n
    def peek():
        return n
    return bump, peek
bump, peek = counter_factory()
bump()
bump(5)
print(peek())
def global_in_nested():
    def inner():
        global g
        g = "set in inner"
    inner()
global_in_nested()
print(g)
def mixed():
    x = 1
    def a():
        nonlocal x
        x += 1
        return x
    def b():
        return x * 100
    return a(), b(), a(), b()
print(mixed())
