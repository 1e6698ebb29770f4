def outer(x):
    def helper(y):
        return y * 2
    def other(z):
        return helper(z) + 1
    return other(x) + helper(x)
print(outer(5))
def make_ops():
    def add(a, b):
        return a + b
    def mul(a, b):
        return a * b
    return {"add": add, "mul": mul}
ops = make_ops()
print(ops["add"](2, 3), ops["mul"](2, 3))
def apply_n(f, n, x):
    for _ in range(n):
        x = f(x)
    return x
print(apply_n(lambda v: v * 2, 10, 1), apply_n(str.upper, 1, "abc"))
def memo_fib():
    cache = {}
    def fib(n):
        if n in cache:
            return cache[n]
        r = n if n < 2 else fib(n - 1) + fib(n - 2)
        cache[n] = r
        return r
    return fib
fib = memo_fib()
print(fib(90), fib(100))
def decorate(f):
    def wrapper(*args, **kwargs):
        print("calling with", args, kwargs)
        return f(*args, **kwargs)
    return wrapper
def area(w, h=1):
    return w * h
area = decorate(area)
print(area(3, h=4))
