for x in [-2, 0, 5]:
    print("pos" if x > 0 else "zero" if x == 0 else "neg")
a = 5
print("big" if a > 3 else "small", (1 if a else 2) + 10)
print([("even" if n % 2 == 0 else "odd") for n in range(4)])
x = 7
print(1 < x < 10, 1 < x < 5, 10 > x >= 7, x == 7 != 8, 1 < 2 < 3 < 4 < 5 < 4)
print(0 <= x <= 6 or x == 7, not 0 < x < 3)
def side(v, log):
    log.append(v)
    return v
log = []
r = side(1, log) < side(0, log) < side(5, log)
print(r, log)
log = []
r = side(1, log) < side(2, log) < side(3, log)
print(r, log)
def sign(v):
    return 1 if v > 0 else -1 if v < 0 else 0
print([sign(v) for v in [-3.5, 0, 2]])
