# Untraced: no __lltrace__ here. Imported by switches.py, whose frames are traced; each
# function is one way control passes between a traced and an untraced frame.


def twice(f, x):
    # An untraced frame calling a traced one, inline, twice.
    return f(f(x))


def countdown(n):
    # An untraced generator, resumed by a traced frame.
    while n:
        yield n
        n -= 1


def total(items):
    # An untraced frame resuming a traced generator.
    t = 0
    for item in items:
        t += item
    return t


def fail(x):
    # Raises into a traced caller.
    raise ValueError(x)


def call_each(fs):
    # A traced callee raises through this untraced frame, which has no handler.
    for f in fs:
        f()


def guard(f):
    # A traced callee raises into this untraced handler.
    try:
        f()
    except KeyError:
        return 'caught'


def neg(x):
    # A key function called back by a builtin on behalf of a traced frame.
    return -x


def sort_by(xs, key):
    # An untraced frame whose builtin calls back into a traced key.
    return sorted(xs, key=key)
