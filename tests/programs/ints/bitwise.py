vals = [0, 1, -1, 5, -5, 255, -256, 12345, 2 ** 40 + 3, -(2 ** 40)]
for a in vals:
    print(a, ~a, a & 0xF0, a | 3, a ^ 0x55, a << 3, a >> 2)
print(6 & 3, 6 | 3, 6 ^ 3, ~6, -6 & 3, -6 | 3, -6 ^ 3)
print(1 << 0, 1 << 1, 1 << 62, 1 << 63, 1 << 64, 1 << 100)
print(-1 << 70, (1 << 70) >> 69, -(1 << 70) >> 69, -1 >> 100, 1 >> 100)
print((2 ** 100) & (2 ** 100 - 1), (2 ** 100) | 1, (2 ** 100) ^ (2 ** 99))
print(-(2 ** 100) & 0xFF, -(2 ** 100) | 0xFF, -(2 ** 100) ^ -1)
print(0xDEADBEEF & 0xFFFF, 0xDEADBEEF >> 16, 0xCAFE << 16 | 0xBABE)
x = 0
for i in range(0, 64, 3):
    x |= 1 << i
print(x, bin(x).count("1"))
print(True & False, True | False, True ^ True, ~True)
print(5 >> 0, 5 << 0, 0 << 1000)
