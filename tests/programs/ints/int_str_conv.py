for n in [0, 5, -5, 10 ** 18, -(10 ** 18), 2 ** 64 + 1, -(2 ** 80), 10 ** 40]:
    s = str(n)
    print(s, len(s), repr(n), int(s) == n)
x = 7
for i in range(25):
    x = x * x % (10 ** 40) + i
print(x)
digits = [int(c) for c in str(2 ** 200)]
print(sum(digits), len(digits), max(digits))
print(str(-0), str(+0), -0 == 0)
print(int(str(12) + str(34)) + 1)
print(10 ** 20 // 7, str(10 ** 20 // 7)[::-1])
