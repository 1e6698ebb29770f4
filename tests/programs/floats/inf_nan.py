inf = float("inf")
nan = float("nan")
print(inf, -inf, nan, inf + 1, inf - inf, inf * 0, -inf * -1)
print(inf > 1e308, -inf < -1e308, inf == inf, nan == nan, nan != nan, nan < 1, nan > 1)
print(inf / 2, 1 / inf, -1 / inf, inf // 1 if False else "skip")
x = nan
print(x == x, x is x, [x] == [x])
print(max(1.0, inf), min(-inf, 0.0), abs(-inf))
print(repr(inf), str(-inf), repr(nan))
print(int(1e300) > 0, float(10 ** 300) == 1e300)
try:
    int(inf)
except OverflowError as e:
    print("OverflowError", e)
try:
    int(nan)
except ValueError as e:
    print("ValueError", e)
print(round(2.5), round(-2.5), round(inf) if False else "no round inf")
try:
    round(inf)
except OverflowError as e:
    print("OverflowError", e)
print(sorted([3.0, -inf, inf, 0.0]))
