def gcd(a, b):
    while b:
        a, b = b, a % b
    return abs(a)
def lcm(a, b):
    return a // gcd(a, b) * b
print(gcd(12, 18), gcd(17, 5), gcd(0, 9), gcd(-12, 18), gcd(2 ** 80, 6 ** 40))
acc = 1
for i in range(1, 41):
    acc = lcm(acc, i)
print(acc)
def egcd(a, b):
    if b == 0:
        return a, 1, 0
    g, x, y = egcd(b, a % b)
    return g, y, x - (a // b) * y
g, x, y = egcd(240, 46)
print(g, x, y, 240 * x + 46 * y)
def modinv(a, m):
    g, x, y = egcd(a, m)
    return x % m
print(modinv(3, 11), modinv(10, 17), modinv(123456789, 10 ** 9 + 7))
