data = [4, 7, 1, 9, 12]
if (n := len(data)) > 3:
    print("n =", n)
idx = 0
while (v := data[idx]) != 9:
    print("v", v)
    idx += 1
print("stopped at", v, idx)
def parse(tokens):
    out = []
    pos = 0
    while pos < len(tokens) and (tok := tokens[pos]) != "end":
        out.append(tok.upper())
        pos += 1
    return out
print(parse(["a", "b", "end", "c"]))
print((y := 10) + y, y)
matches = [m for s in ["x=1", "bad", "y=22"] if (m := s.partition("="))[1]]
print(matches)
def f():
    if (r := 5 * 5) > 20:
        return r
print(f())
