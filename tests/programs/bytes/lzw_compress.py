def lzw_compress(data: bytes):
    table = {bytes([i]): i for i in range(256)}
    w = b""
    out = []
    for c in data:
        wc = w + bytes([c])
        if wc in table:
            w = wc
        else:
            out.append(table[w])
            table[wc] = len(table)
            w = bytes([c])
    if w:
        out.append(table[w])
    return out
def lzw_decompress(codes):
    table = {i: bytes([i]) for i in range(256)}
    w = table[codes[0]]
    out = bytearray(w)
    for k in codes[1:]:
        entry = table[k] if k in table else w + w[:1]
        out += entry
        table[len(table)] = w + entry[:1]
        w = entry
    return bytes(out)
text = b"TOBEORNOTTOBEORTOBEORNOT" * 20 + bytes(range(50))
codes = lzw_compress(text)
print(len(text), len(codes), codes[:20])
print(lzw_decompress(codes) == text)
def adler32(data):
    a, b = 1, 0
    for byte in data:
        a = (a + byte) % 65521
        b = (b + a) % 65521
    return (b << 16) | a
print(adler32(b"Wikipedia"), hex(adler32(text)))
