from functools import wraps, update_wrapper

def logged(func):
    @wraps(func)
    def wrapper(*args, **kwargs):
        print("calling", func.__name__, args)
        return func(*args, **kwargs)
    return wrapper

@logged
def add(a, b):
    """Adds two numbers."""
    return a + b

print(add(2, 3), add.__name__, add.__doc__, add.__wrapped__(1, 1))
print(add.__qualname__, add.__module__)

def timesn(n):
    def deco(func):
        @wraps(func)
        def inner(x):
            return func(x) * n
        return inner
    return deco

@timesn(3)
@timesn(2)
def ident(x):
    "identity"
    return x
print(ident(7), ident.__name__, ident.__doc__)

def plain(x):
    return x
def other(*a):
    return plain(*a)
update_wrapper(other, plain)
print(other.__name__, other(5), other.__wrapped__ is plain)
