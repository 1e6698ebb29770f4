counter = 0
def inc():
    global counter
    counter += 1
    return counter
inc()
inc()
print(counter, inc())
x = "global x"
def read_x():
    return x
def shadow_x():
    x = "local x"
    return x
print(read_x(), shadow_x(), x)
def make_global():
    global created_later
    created_later = 99
make_global()
print(created_later)
def uses_builtin():
    return len("abcd")
print(uses_builtin())
def shadow_builtin():
    len = lambda s: -1
    return len("abc")
print(shadow_builtin(), len("abc"))
total = 0
for i in range(5):
    total += i
print(i, total)
def unbound():
    try:
        print(y_local)
    except NameError as e:
        print(type(e).__name__)
    y_local = 1
    return y_local
print(unbound())
