# bench-args: 200000
# default-args: 20000
# test-args: 600
# Pyflate-style: generate a mixed test file (pseudo-text, byte runs, little-endian records,
# noise) from a hand-written LCG, compress it to a gzip stream with our own DEFLATE encoder
# (LZ77 over hash chains; per block the cheapest of stored, fixed-Huffman and
# dynamic-Huffman coding), then decode it again with a bit-at-a-time inflater that
# checks the CRC-32 and length, and make sure a damaged stream is rejected.
# Stresses bytes/bytearray indexing, int bit operations, small loops, lists as lookup
# tables and exceptions. Argument: size of the generated file in bytes.
import sys

WINDOW = 32768
MIN_MATCH = 3
MAX_MATCH = 258
MAX_CHAIN = 24
BLOCK_TOKENS = 4096
END_OF_BLOCK = 256
CODE_LENGTH_ORDER = (16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15)


class DeflateError(Exception):
    pass


def length_tables():
    extra = [0 if i < 8 else (i - 4) // 4 for i in range(28)] + [0]
    base = [3]
    for i in range(27):
        base.append(base[-1] + (1 << extra[i]))
    base.append(MAX_MATCH)
    return base, extra


def distance_tables():
    extra = [0 if i < 4 else (i - 2) // 2 for i in range(30)]
    base = [1]
    for i in range(29):
        base.append(base[-1] + (1 << extra[i]))
    return base, extra


LENGTH_BASE, LENGTH_EXTRA = length_tables()
DIST_BASE, DIST_EXTRA = distance_tables()


def reverse_lookup(base, limit):
    table = [0] * (limit + 1)
    code = 0
    for value in range(base[0], limit + 1):
        while code + 1 < len(base) and base[code + 1] <= value:
            code += 1
        table[value] = code
    return table


LENGTH_CODE = reverse_lookup(LENGTH_BASE, MAX_MATCH)
DIST_CODE = reverse_lookup(DIST_BASE, WINDOW)


def make_crc_table():
    table = []
    for n in range(256):
        c = n
        for _ in range(8):
            c = (c >> 1) ^ 0xEDB88320 if c & 1 else c >> 1
        table.append(c)
    return table


CRC_TABLE = make_crc_table()


def crc32(data):
    crc = 0xFFFFFFFF
    table = CRC_TABLE
    for b in data:
        crc = table[(crc ^ b) & 0xFF] ^ (crc >> 8)
    return crc ^ 0xFFFFFFFF


class Lcg:
    def __init__(self, seed):
        self.state = seed

    def randrange(self, n):
        self.state = (self.state * 1664525 + 1013904223) & 0xFFFFFFFF
        return (self.state >> 8) % n


def generate(size, rng):
    syllables = [b"da", b"ta", b"be", b"flo", b"rin", b"gu", b"ex", b"mo", b"sel", b"qua",
                 b"zi", b"pon", b"er", b"ath", b"lu", b"vy"]
    words = []
    for _ in range(300):
        words.append(b"".join(syllables[rng.randrange(len(syllables))]
                              for _ in range(1 + rng.randrange(3))))
    out = bytearray()
    section = 0
    counter = 1000
    while len(out) < size:
        kind = section % 6
        section += 1
        if kind in (0, 2, 4):
            for _ in range(20 + rng.randrange(80)):
                line = b" ".join(words[rng.randrange(len(words)) * rng.randrange(len(words))
                                       // len(words)] for _ in range(3 + rng.randrange(9)))
                out += bytes([line[0] - 32]) + line[1:] + b".\n"  # capitalized
        elif kind == 1:
            for _ in range(1 + rng.randrange(6)):
                out += bytes([rng.randrange(256)] * (10 + rng.randrange(300)))
        elif kind == 3:
            for _ in range(50 + rng.randrange(400)):
                counter += 1 + rng.randrange(7)
                out += counter.to_bytes(4, "little") + bytes([rng.randrange(4)])
        else:
            out += bytes([rng.randrange(256) for _ in range(2000 + rng.randrange(6000))])
    return bytes(out[:size])


# ---------------------------------------------------------------- compression


def find_matches(data):
    """Greedy LZ77: a list of tokens, each a literal byte (int) or a (length, distance) pair."""
    n = len(data)
    head = {}
    chain = [-1] * n
    tokens = []

    def insert(j):
        if j + 2 < n:
            key = (data[j] << 16) | (data[j + 1] << 8) | data[j + 2]
            chain[j] = head.get(key, -1)
            head[key] = j

    i = 0
    while i < n:
        best_len = 0
        best_dist = 0
        if i + 2 < n:
            key = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2]
            candidate = head.get(key, -1)
            limit = min(MAX_MATCH, n - i)
            steps = 0
            while candidate >= 0 and i - candidate <= WINDOW and steps < MAX_CHAIN:
                if data[candidate + best_len] == data[i + best_len]:
                    length = 0
                    while length < limit and data[candidate + length] == data[i + length]:
                        length += 1
                    if length > best_len:
                        best_len = length
                        best_dist = i - candidate
                        if length == limit:
                            break
                candidate = chain[candidate]
                steps += 1
        if best_len >= MIN_MATCH:
            tokens.append((best_len, best_dist))
            for j in range(i, i + best_len):
                insert(j)
            i += best_len
        else:
            tokens.append(data[i])
            insert(i)
            i += 1
    return tokens


def huffman_lengths(freqs, limit):
    """Code lengths of a Huffman code for `freqs`, no longer than `limit` bits."""
    lengths = [0] * len(freqs)
    used = [s for s, f in enumerate(freqs) if f]
    if not used:
        return lengths
    if len(used) == 1:
        lengths[used[0]] = 1
        return lengths
    weights = list(freqs)
    while True:
        for s in used:
            lengths[s] = 0
        # each node: [weight, tiebreak, leaves]; the list is kept sorted
        nodes = sorted([weights[s], s, [s]] for s in used)
        tiebreak = len(freqs)
        while len(nodes) > 1:
            a = nodes.pop(0)
            b = nodes.pop(0)
            for s in a[2]:
                lengths[s] += 1
            for s in b[2]:
                lengths[s] += 1
            merged = [a[0] + b[0], tiebreak, a[2] + b[2]]
            tiebreak += 1
            at = len(nodes)
            while at > 0 and nodes[at - 1][0] > merged[0]:
                at -= 1
            nodes.insert(at, merged)
        if max(lengths) <= limit:
            return lengths
        weights = [(w >> 1) | 1 if w else 0 for w in weights]


def canonical_codes(lengths):
    """Codes (already bit-reversed, ready to be written LSB first) for canonical Huffman."""
    max_len = max(lengths)
    count = [0] * (max_len + 1)
    for n in lengths:
        if n:
            count[n] += 1
    next_code = [0] * (max_len + 2)
    code = 0
    for bits in range(1, max_len + 1):
        code = (code + count[bits - 1]) << 1 if bits > 1 else 0
        next_code[bits] = code
    codes = [0] * len(lengths)
    for symbol, n in enumerate(lengths):
        if n:
            c = next_code[n]
            next_code[n] += 1
            reversed_code = 0
            for _ in range(n):
                reversed_code = (reversed_code << 1) | (c & 1)
                c >>= 1
            codes[symbol] = reversed_code
    return codes


FIXED_LIT_LENGTHS = [8] * 144 + [9] * 112 + [7] * 24 + [8] * 8
FIXED_DIST_LENGTHS = [5] * 30


class BitWriter:
    def __init__(self):
        self.out = bytearray()
        self.acc = 0
        self.count = 0

    def write(self, value, nbits):
        self.acc |= value << self.count
        self.count += nbits
        while self.count >= 8:
            self.out.append(self.acc & 0xFF)
            self.acc >>= 8
            self.count -= 8

    def align(self):
        if self.count:
            self.write(0, 8 - self.count)


def symbol_frequencies(tokens):
    lit = [0] * 286
    dist = [0] * 30
    for t in tokens:
        if type(t) is int:
            lit[t] += 1
        else:
            lit[257 + LENGTH_CODE[t[0]]] += 1
            dist[DIST_CODE[t[1]]] += 1
    lit[END_OF_BLOCK] += 1
    return lit, dist


def extra_bits(lit, dist):
    total = 0
    for code in range(29):
        total += lit[257 + code] * LENGTH_EXTRA[code]
    for code in range(30):
        total += dist[code] * DIST_EXTRA[code]
    return total


def code_length_runs(lengths):
    """Run-length codes for a code-length sequence: (symbol, extra value, extra bits)."""
    runs = []
    i = 0
    while i < len(lengths):
        n = lengths[i]
        run = 1
        while i + run < len(lengths) and lengths[i + run] == n:
            run += 1
        if n == 0 and run >= 3:
            take = min(run, 138)
            runs.append((18, take - 11, 7) if take >= 11 else (17, take - 3, 3))
            i += take
        elif n != 0 and run >= 4:
            take = min(run - 1, 6)
            runs.append((n, 0, 0))
            runs.append((16, take - 3, 2))
            i += 1 + take
        else:
            runs.append((n, 0, 0))
            i += 1
    return runs


class DynamicHeader:
    def __init__(self, lit_freq, dist_freq):
        self.lit_lengths = huffman_lengths(lit_freq, 15)
        self.dist_lengths = huffman_lengths(dist_freq, 15)
        if not any(self.dist_lengths):
            self.dist_lengths[0] = 1
        self.hlit = 286
        while self.lit_lengths[self.hlit - 1] == 0:
            self.hlit -= 1
        self.hdist = 30
        while self.dist_lengths[self.hdist - 1] == 0:
            self.hdist -= 1
        self.runs = code_length_runs(self.lit_lengths[:self.hlit] + self.dist_lengths[:self.hdist])
        cl_freq = [0] * 19
        for symbol, _, _ in self.runs:
            cl_freq[symbol] += 1
        self.cl_lengths = huffman_lengths(cl_freq, 7)
        self.hclen = 19
        while self.cl_lengths[CODE_LENGTH_ORDER[self.hclen - 1]] == 0:
            self.hclen -= 1
        self.hclen = max(self.hclen, 4)

    def cost(self):
        bits = 5 + 5 + 4 + 3 * self.hclen
        for symbol, _, nbits in self.runs:
            bits += self.cl_lengths[symbol] + nbits
        return bits

    def write(self, w):
        w.write(self.hlit - 257, 5)
        w.write(self.hdist - 1, 5)
        w.write(self.hclen - 4, 4)
        for i in range(self.hclen):
            w.write(self.cl_lengths[CODE_LENGTH_ORDER[i]], 3)
        cl_codes = canonical_codes(self.cl_lengths)
        for symbol, value, nbits in self.runs:
            w.write(cl_codes[symbol], self.cl_lengths[symbol])
            if nbits:
                w.write(value, nbits)


def write_symbols(w, tokens, lit_lengths, dist_lengths):
    lit_codes = canonical_codes(lit_lengths)
    dist_codes = canonical_codes(dist_lengths)
    for t in tokens:
        if type(t) is int:
            w.write(lit_codes[t], lit_lengths[t])
        else:
            length, distance = t
            code = LENGTH_CODE[length]
            w.write(lit_codes[257 + code], lit_lengths[257 + code])
            if LENGTH_EXTRA[code]:
                w.write(length - LENGTH_BASE[code], LENGTH_EXTRA[code])
            code = DIST_CODE[distance]
            w.write(dist_codes[code], dist_lengths[code])
            if DIST_EXTRA[code]:
                w.write(distance - DIST_BASE[code], DIST_EXTRA[code])
    w.write(lit_codes[END_OF_BLOCK], lit_lengths[END_OF_BLOCK])


def deflate(data, stats):
    tokens = find_matches(data)
    w = BitWriter()
    start = 0  # first data byte covered by the current block
    for first in range(0, max(len(tokens), 1), BLOCK_TOKENS):
        block = tokens[first:first + BLOCK_TOKENS]
        final = 1 if first + BLOCK_TOKENS >= len(tokens) else 0
        span = sum(1 if type(t) is int else t[0] for t in block)
        lit, dist = symbol_frequencies(block)
        extra = extra_bits(lit, dist)
        header = DynamicHeader(lit, dist)
        dynamic_cost = header.cost() + extra + sum(
            f * n for f, n in zip(lit, header.lit_lengths)) + sum(
            f * n for f, n in zip(dist, header.dist_lengths))
        fixed_cost = extra + sum(f * n for f, n in zip(lit, FIXED_LIT_LENGTHS)) + sum(
            f * n for f, n in zip(dist, FIXED_DIST_LENGTHS))
        stored_cost = (7 - (w.count + 2) % 8) + 32 + 8 * span if span <= 0xFFFF else 1 << 60
        w.write(final, 1)
        if stored_cost <= min(dynamic_cost, fixed_cost):
            stats["stored"] += 1
            w.write(0, 2)
            w.align()
            w.write(span, 16)
            w.write(span ^ 0xFFFF, 16)
            w.out += data[start:start + span]
        elif fixed_cost <= dynamic_cost:
            stats["fixed"] += 1
            w.write(1, 2)
            write_symbols(w, block, FIXED_LIT_LENGTHS, FIXED_DIST_LENGTHS)
        else:
            stats["dynamic"] += 1
            w.write(2, 2)
            header.write(w)
            write_symbols(w, block, header.lit_lengths, header.dist_lengths)
        start += span
    w.align()
    return bytes(w.out)


def gzip_compress(data, name, stats):
    header = b"\x1f\x8b\x08\x08" + b"\x00\x00\x00\x00" + b"\x00\xff" + name + b"\x00"
    trailer = crc32(data).to_bytes(4, "little") + (len(data) & 0xFFFFFFFF).to_bytes(4, "little")
    return header + deflate(data, stats) + trailer


# ---------------------------------------------------------------- decompression


class BitReader:
    def __init__(self, data, pos):
        self.data = data
        self.pos = pos
        self.acc = 0
        self.count = 0

    def bit(self):
        if not self.count:
            if self.pos >= len(self.data):
                raise DeflateError("unexpected end of stream")
            self.acc = self.data[self.pos]
            self.pos += 1
            self.count = 8
        b = self.acc & 1
        self.acc >>= 1
        self.count -= 1
        return b

    def bits(self, n):
        value = 0
        for i in range(n):
            value |= self.bit() << i
        return value

    def align(self):
        self.acc = 0
        self.count = 0

    def take_bytes(self, n):
        if self.pos + n > len(self.data):
            raise DeflateError("stored block runs past the end")
        chunk = self.data[self.pos:self.pos + n]
        self.pos += n
        return chunk


class HuffmanTable:
    """Canonical Huffman decoding by code length: how many codes each length has, and the
    symbols in code order."""

    def __init__(self, lengths):
        self.counts = [0] * 16
        for n in lengths:
            self.counts[n] += 1
        self.counts[0] = 0
        left = 1
        for n in range(1, 16):
            left = (left << 1) - self.counts[n]
            if left < 0:
                raise DeflateError("over-subscribed code")
        self.symbols = [s for n in range(1, 16) for s, m in enumerate(lengths) if m == n]

    def decode(self, reader):
        code = 0
        first = 0
        index = 0
        counts = self.counts
        for n in range(1, 16):
            code |= reader.bit()
            count = counts[n]
            if code - first < count:
                return self.symbols[index + code - first]
            index += count
            first = (first + count) << 1
            code <<= 1
        raise DeflateError("invalid Huffman code")


FIXED_TABLES = None


def fixed_tables():
    global FIXED_TABLES
    if FIXED_TABLES is None:
        FIXED_TABLES = (HuffmanTable(FIXED_LIT_LENGTHS), HuffmanTable([5] * 32))
    return FIXED_TABLES


def read_dynamic_tables(reader):
    hlit = reader.bits(5) + 257
    hdist = reader.bits(5) + 1
    hclen = reader.bits(4) + 4
    cl_lengths = [0] * 19
    for i in range(hclen):
        cl_lengths[CODE_LENGTH_ORDER[i]] = reader.bits(3)
    cl_table = HuffmanTable(cl_lengths)
    lengths = []
    while len(lengths) < hlit + hdist:
        symbol = cl_table.decode(reader)
        if symbol < 16:
            lengths.append(symbol)
        elif symbol == 16:
            if not lengths:
                raise DeflateError("repeat with no previous length")
            lengths.extend([lengths[-1]] * (3 + reader.bits(2)))
        elif symbol == 17:
            lengths.extend([0] * (3 + reader.bits(3)))
        else:
            lengths.extend([0] * (11 + reader.bits(7)))
    if len(lengths) > hlit + hdist:
        raise DeflateError("code lengths overrun")
    if lengths[END_OF_BLOCK] == 0:
        raise DeflateError("no end-of-block code")
    return HuffmanTable(lengths[:hlit]), HuffmanTable(lengths[hlit:])


def inflate_block(reader, out, lit_table, dist_table):
    while True:
        symbol = lit_table.decode(reader)
        if symbol < 256:
            out.append(symbol)
        elif symbol == END_OF_BLOCK:
            return
        else:
            code = symbol - 257
            if code >= 29:
                raise DeflateError("invalid length symbol")
            length = LENGTH_BASE[code] + reader.bits(LENGTH_EXTRA[code])
            code = dist_table.decode(reader)
            if code >= 30:
                raise DeflateError("invalid distance symbol")
            distance = DIST_BASE[code] + reader.bits(DIST_EXTRA[code])
            if distance > len(out):
                raise DeflateError("distance reaches before the start")
            start = len(out) - distance
            for k in range(length):
                out.append(out[start + k])


def inflate(reader, stats):
    out = bytearray()
    while True:
        final = reader.bit()
        kind = reader.bits(2)
        if kind == 0:
            reader.align()
            size = int.from_bytes(reader.take_bytes(2), "little")
            check = int.from_bytes(reader.take_bytes(2), "little")
            if size ^ check != 0xFFFF:
                raise DeflateError("stored block length check failed")
            out += reader.take_bytes(size)
            stats["stored"] += 1
        elif kind == 1:
            inflate_block(reader, out, *fixed_tables())
            stats["fixed"] += 1
        elif kind == 2:
            inflate_block(reader, out, *read_dynamic_tables(reader))
            stats["dynamic"] += 1
        else:
            raise DeflateError("reserved block type")
        if final:
            return out


def gzip_decompress(blob, stats):
    if blob[:2] != b"\x1f\x8b" or blob[2] != 8:
        raise DeflateError("not a gzip stream")
    flags = blob[3]
    pos = 10
    if flags & 4:
        pos += 2 + int.from_bytes(blob[pos:pos + 2], "little")
    for flag in (8, 16):
        if flags & flag:
            while blob[pos] != 0:
                pos += 1
            pos += 1
    if flags & 2:
        pos += 2
    reader = BitReader(blob, pos)
    out = inflate(reader, stats)
    trailer = blob[reader.pos:reader.pos + 8]
    if len(trailer) != 8:
        raise DeflateError("missing gzip trailer")
    if int.from_bytes(trailer[:4], "little") != crc32(out):
        raise DeflateError("CRC-32 mismatch")
    if int.from_bytes(trailer[4:], "little") != len(out) & 0xFFFFFFFF:
        raise DeflateError("length mismatch")
    return bytes(out)


def main():
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 200000
    data = generate(size, Lcg(271828))
    written = {"stored": 0, "fixed": 0, "dynamic": 0}
    blob = gzip_compress(data, b"generated.bin", written)
    read = {"stored": 0, "fixed": 0, "dynamic": 0}
    restored = gzip_decompress(blob, read)
    if restored != data:
        raise RuntimeError("round trip changed the data")
    if read != written:
        raise RuntimeError("block kinds differ")
    print(f"input {len(data)} bytes, crc32 {crc32(data):08x}")
    print(f"gzip {len(blob)} bytes ({100 * len(blob) / len(data):.1f}%)")
    print("blocks", ", ".join(f"{kind} {n}" for kind, n in written.items()))
    damaged = bytearray(blob)
    rejected = 0
    for step in range(1, 9):
        at = 20 + (len(blob) - 28) * step // 9
        damaged[at] ^= 1 << step % 8
        try:
            gzip_decompress(bytes(damaged), {"stored": 0, "fixed": 0, "dynamic": 0})
        except DeflateError as e:
            rejected += 1
            print(f"damage at {at}: {e}")
        damaged[at] = blob[at]
    print("damaged streams rejected", rejected, "of 8")
    # small extra round trips, so that every block kind is decoded even at small sizes
    noise_rng = Lcg(99)
    noise = bytes([noise_rng.randrange(256) for _ in range(700)])
    extras = [("short", data[:64]), ("noise", noise), ("empty", b"")]
    for label, piece in extras:
        kinds = {"stored": 0, "fixed": 0, "dynamic": 0}
        packed = gzip_compress(piece, label.encode(), kinds)
        if gzip_decompress(packed, {"stored": 0, "fixed": 0, "dynamic": 0}) != piece:
            raise RuntimeError("round trip changed " + label)
        print(label, len(piece), "->", len(packed), [k for k, n in kinds.items() if n])


main()
