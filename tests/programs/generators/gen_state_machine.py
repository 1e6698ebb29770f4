def tokenizer(text):
    i = 0
    while i < len(text):
        c = text[i]
        if c.isdigit():
            j = i
            while j < len(text) and text[j].isdigit():
                j += 1
            yield ("NUM", int(text[i:j]))
            i = j
        elif c.isalpha():
            j = i
            while j < len(text) and text[j].isalnum():
                j += 1
            yield ("ID", text[i:j])
            i = j
        elif c in "+-*/()=":
            yield ("OP", c)
            i += 1
        else:
            i += 1
print(list(tokenizer("x1 = 42 + y*(7-z3)")))
def traffic_light():
    while True:
        yield "green"
        yield "yellow"
        yield "red"
t = traffic_light()
print([next(t) for _ in range(7)])
def interleave(a, b):
    ia, ib = iter(a), iter(b)
    while True:
        x = next(ia, None)
        y = next(ib, None)
        if x is None and y is None:
            return
        if x is not None:
            yield x
        if y is not None:
            yield y
print(list(interleave([1, 2, 3], "ab")))
