a = 2**200 + 12345
b = -(3**100)
print(a + b, a - b, a * b, a // 7, a % 7, -a // 7, -a % 7, divmod(a, b), divmod(b, 1000))
print(a ** 2, pow(a, 3, 10**9 + 7), pow(3, 10**5, 2**61 - 1), a >> 100, a << 10, a & 0xFFFF, a | 1, a ^ b, ~a)
print(abs(b), -b, +a, a == a + 0, a > b, a < b, hash(a), hash(b), hash(2**61 - 1), hash(2**61), hash(-(2**64)))
print(str(a), repr(b), hex(a), oct(b), bin(2**70), len(str(7**1000)), a.bit_length(), int(str(a)) == a)
print(a / b, float(a), int(1e30), 10**20 / 3, (10**400) // (10**399), round(a, -50), a % -7, b % 7)
print(int("123456789012345678901234567890"), int("-0x" + "f" * 30, 16), int("1" * 70, 2), 2**64 == 18446744073709551616)
import_ok = sum([2**63 + i for i in range(10)])
print(import_ok, max(2**100, 2**99), sorted([2**65, -2**65, 0]), 9223372036854775807 + 1, -9223372036854775808 - 1)
print(f"{a:,}", f"{a:x}", f"{b:>80}", "%d" % a, "{:e}".format(a))
try:
    float(10**400)
except OverflowError as e:
    print(e)
try:
    10**400 / 1
except OverflowError as e:
    print(e)
try:
    a // 0
except ZeroDivisionError as e:
    print(e)
