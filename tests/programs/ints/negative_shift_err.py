for a, b in [(1, -1), (5, -3)]:
    try:
        print(a << b)
    except ValueError as e:
        print("ValueError", e)
    try:
        print(a >> b)
    except ValueError as e:
        print("ValueError", e)
for a, b in [(1, 0), (5, 0), (2 ** 70, 0)]:
    try:
        print(a // b)
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)
    try:
        print(a % b)
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)
    try:
        print(a / b)
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)
    try:
        print(divmod(a, b))
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)
try:
    print(0 ** -1)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    print(pow(2, 3, 0))
except ValueError as e:
    print("ValueError", e)
print(2 ** 2000 / 2 ** 1990)
try:
    print(2 ** 2000 / 3)
except OverflowError as e:
    print("OverflowError", e)
