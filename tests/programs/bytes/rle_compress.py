def rle_encode(data: bytes) -> bytes:
    out = bytearray()
    i = 0
    while i < len(data):
        j = i
        while j < len(data) and data[j] == data[i] and j - i < 255:
            j += 1
        out.append(j - i)
        out.append(data[i])
        i = j
    return bytes(out)
def rle_decode(data: bytes) -> bytes:
    out = bytearray()
    for k in range(0, len(data), 2):
        out += bytes([data[k + 1]]) * data[k]
    return bytes(out)
src = b"aaaabbbcccd" * 5 + bytes(300)
enc = rle_encode(src)
print(len(src), len(enc), enc[:12], rle_decode(enc) == src)
def crc32(data):
    crc = 0xFFFFFFFF
    for byte in data:
        crc ^= byte
        for _ in range(8):
            crc = (crc >> 1) ^ (0xEDB88320 & -(crc & 1))
    return crc ^ 0xFFFFFFFF
print(hex(crc32(b"The quick brown fox jumps over the lazy dog")))
def bits(data):
    for byte in data:
        for i in range(8):
            yield (byte >> (7 - i)) & 1
print(list(bits(b"\xa5\x0f")))
class BitReader:
    def __init__(self, data): self.data = data; self.pos = 0
    def read(self, n):
        v = 0
        for _ in range(n):
            byte = self.data[self.pos >> 3]
            v = (v << 1) | ((byte >> (7 - (self.pos & 7))) & 1)
            self.pos += 1
        return v
r = BitReader(b"\xde\xad\xbe\xef")
print([r.read(4) for _ in range(8)])
