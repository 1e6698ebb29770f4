s = ""
for i in range(20):
    s += str(i % 10)
print(s, len(s))
rows = []
for i in range(1, 6):
    rows.append(" ".join([str(i * j).rjust(3) for j in range(1, 6)]))
print("\n".join(rows))
acc = []
for w in "The Quick Brown Fox".split():
    acc.append(w[0].lower() + w[1:].upper())
print("_".join(acc))
def caesar(text, k):
    out = []
    for ch in text:
        if "a" <= ch <= "z":
            out.append(chr((ord(ch) - 97 + k) % 26 + 97))
        elif "A" <= ch <= "Z":
            out.append(chr((ord(ch) - 65 + k) % 26 + 65))
        else:
            out.append(ch)
    return "".join(out)
enc = caesar("Hello, World! xyz", 3)
print(enc, caesar(enc, -3))
def is_pal(t):
    t = "".join([c.lower() for c in t if c.isalnum()])
    return t == t[::-1]
print(is_pal("A man, a plan, a canal: Panama"), is_pal("hello"))
print("-".join(reversed("abc")), "".join(sorted("hello world")))
