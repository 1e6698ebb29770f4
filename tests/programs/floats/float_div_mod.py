pairs = [(7.5, 2), (-7.5, 2), (7.5, -2), (-7.5, -2), (1.0, 0.1), (0.3, 0.1), (5, 0.5), (-5, 0.3), (1e20, 3.0), (2.5, 2.5)]
for a, b in pairs:
    print(a, b, a / b, a // b, a % b, divmod(a, b))
print(7 / 2, -7 / 2, 1 / 8, 10 / 3, -10 / 3, 2 / 7)
print(1e300 / 1e-300, 1e-300 / 1e300)
for a, b in [(1.0, 0.0), (1, 0.0), (0.0, 0.0)]:
    try:
        print(a / b)
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)
    try:
        print(a // b)
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)
    try:
        print(a % b)
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)
print(3 % 0.7, -3 % 0.7, 3 % -0.7, 1.5 % 1, -1.5 % 1)
print(6.0 // 4, 6 // 4.0, -6.0 // 4, 6.0 // -4)
