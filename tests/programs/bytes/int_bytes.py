for n in [0, 1, 255, 256, 65535, 2**64 - 1, 2**100 + 7]:
    size = max(1, (n.bit_length() + 7) // 8)
    be = n.to_bytes(size, "big")
    le = n.to_bytes(size, "little")
    print(n, be, le, int.from_bytes(be, "big"), int.from_bytes(le, "little"), int.from_bytes(be, byteorder="little"))
print((-1).to_bytes(2, "big", signed=True), (-129).to_bytes(2, "little", signed=True), (127).to_bytes(1, "big", signed=True))
print(int.from_bytes(b"\xff\xfe", "big", signed=True), int.from_bytes(b"\x80", "big", signed=True), int.from_bytes(b"", "big"))
print(int.from_bytes([1, 2, 3], "big"), int.from_bytes(bytearray(b"\x01\x00"), "little"), (1024).to_bytes(4, byteorder="big"))
for bad in [lambda: (256).to_bytes(1, "big"), lambda: (-1).to_bytes(1, "big"), lambda: (1).to_bytes(1, "middle"), lambda: (128).to_bytes(1, "big", signed=True)]:
    try:
        bad()
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
print((1000).to_bytes(2, "big").hex(), int.from_bytes(b"\x00" * 20 + b"\x01", "big"))
