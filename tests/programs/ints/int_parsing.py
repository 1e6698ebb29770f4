print(int("42"), int("-42"), int("+7"), int("  12  "), int("0"), int("-0"))
print(int("1_000"), int("000123"), int("\t99\n"))
print(int("ff", 16), int("FF", 16), int("0xff", 16), int("0xff", 0), int("777", 8), int("0o777", 0))
print(int("101", 2), int("0b101", 0), int("z", 36), int("Zz", 36), int("-0x10", 16))
print(int("123456789012345678901234567890"), int("-99999999999999999999"))
print(int(3.99), int(-3.99), int(1e20), int(True), int(-0.5))
print(int("10", 10), int("10", 3), int("10", 36))
for bad in ["", "abc", "1.5", "12a", "0x10", " ", "1 2", "--1", "_1"]:
    try:
        int(bad)
        print("ok?", bad)
    except ValueError as e:
        print("ValueError", e)
for s, base in [("9", 8), ("g", 16), ("2", 2)]:
    try:
        int(s, base)
    except ValueError as e:
        print("ValueError", e)
print(int(), int(7), int("  -0012  "))
