for v in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 0.49999999999999994, 2.675, 1.005, 123.456, -123.456]:
    print(v, round(v), round(v, 0), round(v, 1), round(v, 2), round(v, -1))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__, type(round(7)).__name__)
print(round(1234.5678, -2), round(1234.5678, 3), round(0.125, 2), round(0.375, 2))
print(round(1e20), round(-1e15 + 0.5), round(5e-324, 5))
print(int(2.9), int(-2.9), int(1e10), int(123456789.987))
vals = [round(i * 0.1, 1) for i in range(12)]
print(vals)
print([round(x / 7, 3) for x in range(8)])
