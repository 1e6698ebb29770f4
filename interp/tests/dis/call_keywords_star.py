def call(f, args, kwargs):
    f(1, key=2)
    f(*args, **kwargs)
    f(0, *args, flag=True, **kwargs)
    return f.method(1, 2)
