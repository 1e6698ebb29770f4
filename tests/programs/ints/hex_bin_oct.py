for n in [0, 1, -1, 7, 8, 255, 256, -255, 4096, 2 ** 64, -(2 ** 70), 123456789]:
    print(n, hex(n), bin(n), oct(n))
print(int(hex(987654321), 16), int(bin(987654321), 2), int(oct(987654321), 8))
print(hex(0xabcdef), oct(0o1234567), bin(0b1111000011110000))
print(hex(True), bin(False))
print(str(0x10), repr(0o10), 0b10 + 0x10 + 0o10)
