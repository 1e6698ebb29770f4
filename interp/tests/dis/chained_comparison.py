def between(a, b, c):
    if a < b <= c:
        return 1
    return a < b < c != 0
