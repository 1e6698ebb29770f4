def outer(items):
    total = 0

    def add(x):
        nonlocal total
        total += x

    for item in items:
        try:
            add(int(item))
        except ValueError:
            pass
    return total
