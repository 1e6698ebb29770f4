a = 2 ** 63 - 1
print(a, a + 1, a * 2, -a - 1, -a - 2)
b = 9223372036854775807
print(b + b, b * b, b - (-b), b * -b)
x = 1
for i in range(1, 31):
    x *= i
print("30! =", x)
print(x // 2 ** 20, x % 1000003, x // x, x - x)
y = 12345678901234567890123456789
z = 98765432109876543210
print(y + z, y - z, z - y, y * z)
print(y // z, y % z, -y // z, -y % z, y // -z, y % -z)
print(divmod(y, z), divmod(-y, z))
print(y == 12345678901234567890123456789, y > z, -y < -z, y != y + 1)
print(abs(-y), -(-y), +y)
n = 1
for i in range(100):
    n = n * 31 + i
print(n)
print(n % (2 ** 64), n >> 300, n & 0xFFFF)
s = 0
for i in range(50):
    s += 10 ** i
print(s)
print(10 ** 18 * 10, 10 ** 19 - 1, -(10 ** 19) + 1)
print(int(2 ** 64 / 2), 2 ** 64 // 3)
print(2 ** 1000 // 3 ** 600)
