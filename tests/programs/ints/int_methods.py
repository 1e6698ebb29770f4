print(abs(-7), abs(7), abs(-(2 ** 70)))
print(divmod(100, 7), divmod(-100, 7), divmod(100, -7), divmod(2 ** 70, 10 ** 9))
print(round(1234, -2), round(1250, -2), round(1350, -2), round(-1250, -2), round(7, 2), round(15, -1), round(25, -1))
print((255).bit_length(), (256).bit_length(), (0).bit_length(), (-255).bit_length(), (2 ** 100).bit_length())
print(int.__name__, type(10 ** 30).__name__)
print(min(5, 2, 9), max(5, 2, 9), sum(range(101)))
n = 0
for k in range(1, 200):
    n += pow(k, k, 1000000007)
print(n)
print(17 .bit_length(), (-1).bit_length())
