print(0.1 + 0.2, 0.1 + 0.2 == 0.3, 0.1 * 3, 1.1 * 1.1, 1 - 0.9)
print(3.0 * 1.1, 100 * 1.1, 0.7 + 0.1, 0.1 + 0.7, 4.35 * 100)
s = 0.0
for i in range(10):
    s += 0.1
print(s, s == 1.0)
s = 0.0
for i in range(1, 1001):
    s += 1.0 / i
print(s)
print(2.0 ** 0.5, 3 ** 0.5, 10 ** 0.5, 2 ** 0.25, 27 ** (1 / 3), (-8.0) ** 2, 9 ** -0.5)
print(1.5 ** 100, 1.0000001 ** 1e7)
print(float(2 ** 1023) * 2 if False else 2.0 ** 1023)
try:
    print(2.0 ** 1024)
except OverflowError as e:
    print("OverflowError", type(e).__name__)
try:
    print(10.0 ** 400)
except OverflowError as e:
    print("OverflowError", type(e).__name__)
print(-2.0 ** 2, (-2.0) ** 3, 0.0 ** 0, 0.0 ** 1.5)
x = 1.0
for i in range(60):
    x /= 3
print(x)
print(abs(-2.5), -abs(3.25), +1.5, -(-1.5))
print(1e15 + 0.3, 1e16 + 0.3, 12345678.9 * 1000)
