def f(a, b=2, c=3):
    return (a, b, c)
print(f(1), f(1, 20), f(1, 20, 30), f(1, c=30), f(a=5, b=6), f(c=9, a=7), f(1, b=None))
def g(x, y=[]):
    y.append(x)
    return y
print(g(1), g(2), g(3, []), g(4))
def h(x, y=None):
    if y is None:
        y = []
    y.append(x)
    return y
print(h(1), h(2))
counter = 10
def k(v=counter):
    return v
counter = 20
print(k(), k(5))
def errs():
    for call in [lambda: f(), lambda: f(1, 2, 3, 4), lambda: f(1, d=4), lambda: f(1, a=2)]:
        try:
            call()
        except TypeError as e:
            print("TypeError", e)
errs()
