def squares(n):
    return [i * i for i in range(n) if i % 2 == 0]


pairs = {k: v for k, v in zip("ab", [1, 2]) for w in [k]}
