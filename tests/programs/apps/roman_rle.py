def to_roman(n):
    table = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for v, s in table:
        while n >= v:
            out += s
            n -= v
    return out
def from_roman(s):
    vals = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    total = 0
    for i, ch in enumerate(s):
        v = vals[ch]
        if i + 1 < len(s) and vals[s[i + 1]] > v:
            total -= v
        else:
            total += v
    return total
for n in [1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999]:
    r = to_roman(n)
    print(n, r, from_roman(r))
print(all(from_roman(to_roman(n)) == n for n in range(1, 2000)))
def rle(s):
    if not s:
        return []
    out = []
    cur, cnt = s[0], 1
    for ch in s[1:]:
        if ch == cur:
            cnt += 1
        else:
            out.append((cur, cnt))
            cur, cnt = ch, 1
    out.append((cur, cnt))
    return out
def unrle(pairs):
    return "".join(c * n for c, n in pairs)
for s in ["aaabccdddd", "", "abc", "zzzzzzzzzz", "aabbaa"]:
    e = rle(s)
    print(repr(s), e, unrle(e) == s, "".join(c + str(n) for c, n in e))
