def show(name, value, width):
    return f"{name!r}: {value:>{width}} ({value=}) {'x'}"
