def chain(*iterables):
    for it in iterables:
        yield from it
    yield None


squares = (x * x for x in range(10))
