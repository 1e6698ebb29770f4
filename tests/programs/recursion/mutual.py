def is_even(n):
    return True if n == 0 else is_odd(n - 1)
def is_odd(n):
    return False if n == 0 else is_even(n - 1)
print(is_even(400), is_odd(401), is_even(7), is_odd(0))
def hofstadter_f(n):
    return 1 if n == 0 else n - hofstadter_m(hofstadter_f(n - 1))
def hofstadter_m(n):
    return 0 if n == 0 else n - hofstadter_f(hofstadter_m(n - 1))
print([hofstadter_f(i) for i in range(20)])
print([hofstadter_m(i) for i in range(20)])
def expr(tokens, pos):
    val, pos = term(tokens, pos)
    while pos < len(tokens) and tokens[pos] in "+-":
        op = tokens[pos]
        rhs, pos = term(tokens, pos + 1)
        val = val + rhs if op == "+" else val - rhs
    return val, pos
def term(tokens, pos):
    val, pos = factor(tokens, pos)
    while pos < len(tokens) and tokens[pos] in "*/":
        op = tokens[pos]
        rhs, pos = factor(tokens, pos + 1)
        val = val * rhs if op == "*" else val // rhs
    return val, pos
def factor(tokens, pos):
    t = tokens[pos]
    if t == "(":
        val, pos = expr(tokens, pos + 1)
        return val, pos + 1
    if t == "-":
        val, pos = factor(tokens, pos + 1)
        return -val, pos
    return int(t), pos + 1
def calc(s):
    toks = []
    i = 0
    while i < len(s):
        if s[i].isdigit():
            j = i
            while j < len(s) and s[j].isdigit():
                j += 1
            toks.append(s[i:j])
            i = j
        elif s[i] != " ":
            toks.append(s[i])
            i += 1
        else:
            i += 1
    return expr(toks, 0)[0]
for e in ["1 + 2 * 3", "(1 + 2) * 3", "-(4 - 10) * 2", "100 / 7 / 2", "2 * (3 + (4 - 1) * 2) - -1", "((((5))))"]:
    print(e, "=", calc(e))
