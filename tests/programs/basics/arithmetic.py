a = 17
b = 5
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** 2)
print(-a + b, -a - b, -a * b, -a / b, -a // b, -a % b)
print(a + b * 2, (a + b) * 2, a - b - 1, a - (b - 1))
print(2 ** 3 ** 2, (2 ** 3) ** 2, -2 ** 2, (-2) ** 2)
print(10 / 4, 10 / 5, 1 / 3, 2 / 3)
print(7 // 2, -7 // 2, 7 // -2, -7 // -2)
print(7 % 3, -7 % 3, 7 % -3, -7 % -3)
print(+a, -(-a), ~a, ~-a)
print(1 + 2.5, 3 * 1.5, 2 ** -1, 2 ** 0, 0 ** 0)
print(True + True, True * 10, False - 1)
x = 0
for i in range(10):
    x = x * 3 + i
print(x)
print(100 - 3 * 4 + 6 // 2 - 8 % 3)
print(3 * -2, 3 - -2, 3 + +2)
