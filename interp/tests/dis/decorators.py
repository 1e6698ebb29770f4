@outer
@inner(1)
def decorated(a, /, b, *args, c, d=4, **kwargs):
    global counter
    counter = a
    return [a, b, c, d]
