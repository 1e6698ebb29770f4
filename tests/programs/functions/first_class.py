def double(x):
    return x * 2
def square(x):
    return x * x
funcs = [double, square, abs, str, len]
print([f(-3) if f is not len else f("abc") for f in funcs])
table = {"d": double, "s": square}
print(table["d"](21), table["s"](12))
def apply_all(fs, v):
    return [f(v) for f in fs]
print(apply_all([double, square], 7))
f = double
print(f is double, f == double, f(4), double.__name__, callable(f), callable(3))
def returns_func(kind):
    if kind == "d":
        return double
    return square
print(returns_func("d")(5), returns_func("s")(5))
def pipeline(*fs):
    def run(x):
        for fn in fs:
            x = fn(x)
        return x
    return run
print(pipeline(double, square, str, len)(123))
print(sorted(["bb", "a", "ccc"], key=len), list(map(double, [1, 2])))
