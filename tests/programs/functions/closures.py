def make_counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    return inc
c1 = make_counter()
c2 = make_counter()
print(c1(), c1(), c1(), c2(), c1())
def adder(n):
    def add(x):
        return x + n
    return add
add5 = adder(5)
add10 = adder(10)
print(add5(1), add10(1), adder(-1)(0))
def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner
    x = "changed"
    return middle()
print(outer()())
def make_acc():
    total = []
    def acc(v):
        total.append(v)
        return sum(total)
    return acc
a = make_acc()
print(a(1), a(2), a(10))
def late():
    fs = []
    for i in range(3):
        def f():
            return i
        fs.append(f)
    return [f() for f in fs]
print(late())
def early():
    fs = []
    for i in range(3):
        def f(i=i):
            return i
        fs.append(f)
    return [f() for f in fs]
print(early())
def shared():
    v = 0
    def get():
        return v
    def set_(n):
        nonlocal v
        v = n
    return get, set_
get, set_ = shared()
print(get())
set_(42)
print(get())
def nested_nonlocal():
    a = 1
    def l1():
        nonlocal a
        a += 10
        def l2():
            nonlocal a
            a *= 2
        l2()
        return a
    l1()
    return a
print(nested_nonlocal())
