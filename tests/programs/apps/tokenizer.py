KEYWORDS = ["if", "else", "while", "def", "return", "print"]
def tokenize(src):
    tokens = []
    i = 0
    line = 1
    while i < len(src):
        c = src[i]
        if c == "\n":
            line += 1
            i += 1
        elif c.isspace():
            i += 1
        elif c == "#":
            while i < len(src) and src[i] != "\n":
                i += 1
        elif c.isdigit():
            j = i
            while j < len(src) and (src[j].isdigit() or src[j] == "."):
                j += 1
            text = src[i:j]
            tokens.append(("FLOAT" if "." in text else "INT", text, line))
            i = j
        elif c.isalpha() or c == "_":
            j = i
            while j < len(src) and (src[j].isalnum() or src[j] == "_"):
                j += 1
            word = src[i:j]
            tokens.append(("KW" if word in KEYWORDS else "NAME", word, line))
            i = j
        elif c == '"':
            j = i + 1
            while j < len(src) and src[j] != '"':
                if src[j] == "\\":
                    j += 1
                j += 1
            tokens.append(("STR", src[i + 1:j], line))
            i = j + 1
        elif src[i:i + 2] in ("==", "!=", "<=", ">=", "->"):
            tokens.append(("OP", src[i:i + 2], line))
            i += 2
        elif c in "+-*/=<>(){}:,":
            tokens.append(("OP", c, line))
            i += 1
        else:
            tokens.append(("ERR", c, line))
            i += 1
    return tokens
src = '''def add(a, b):
    return a + b  # sum
x = 3.25 * (y_1 - 42)
if x >= 10: print("big \\"x\\"")
else: print(x != 0)
@ $
'''
toks = tokenize(src)
for t in toks:
    print(t)
counts = {}
for kind, text, line in toks:
    counts[kind] = counts.get(kind, 0) + 1
print(counts)
print(len(toks), max(t[2] for t in toks))
