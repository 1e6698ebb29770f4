for n in [0, 1, 127, 128, 255, 256, 65535, 2**31, 2**63 - 1, 2**64, 2**200]:
    length = (n.bit_length() + 7) // 8 or 1
    b = n.to_bytes(length, "big")
    print(n, b.hex(), int.from_bytes(b, "big") == n, n.to_bytes(length + 2, "little").hex())
for n in [-1, -128, -129, -2**63, 2**63 - 1]:
    b = n.to_bytes(9, "big", signed=True)
    print(n, b.hex(), int.from_bytes(b, "big", signed=True))
print(bytes.fromhex("00ff10"), bytes.fromhex(""), bytes.fromhex("a b  c d"), b"\x00\xff".hex(), b"abc".hex("-"))
try:
    bytes.fromhex("0g")
except ValueError as e:
    print(e)
print(int.from_bytes(b"\x00\x01", byteorder="big"), int.from_bytes(b"\x00\x01", byteorder="little"))
