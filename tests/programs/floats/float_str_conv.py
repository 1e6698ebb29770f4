for s in ["3.14", "-0.0", "1e-5", "  42  ", "1_000.5", "+1.5E+2", "-.25", "inf", "-INF", "nan", "1e400", "-1e400", "4.9e-324"]:
    print(repr(s), float(s))
for bad in ["", "abc", "1.2.3", "1e", "--1.0", "0x1p3"]:
    try:
        float(bad)
    except ValueError as e:
        print("ValueError", e)
print(str(1.0), str(1.25), str(-3.0), str(1e50), str(1.23e-50))
print(float("0.1") + float("0.2"))
print([str(x / 4) for x in range(-4, 5)])
print(str(2.0 ** 70), str(float(2 ** 70)), float(str(2.0 ** 70)))
