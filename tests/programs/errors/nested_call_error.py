def level_c(x):
    print("level_c", x)
    if x > 2:
        raise ValueError("x too large: " + str(x))
    return x
def level_b(x):
    return level_c(x + 1) * 2
def level_a(x):
    total = 0
    for i in range(x):
        total += level_b(i)
        print("total so far", total)
    return total
level_a(5)
