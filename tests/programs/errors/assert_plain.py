def check(v):
    assert v >= 0
    return v * 2
print(check(1), check(0))
print(check(-1))
