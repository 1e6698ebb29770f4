# Bitwise, shift and @ operators between ints, bools and floats: no float form, so the
# operands' own methods (a float subclass's __and__/__rand__) and then the shared error.
for a, b in [(1, 2.0), (2.0, 1), (True, 2.5), (2.5, 2.5)]:
    for f in [lambda: a & b, lambda: a | b, lambda: a ^ b, lambda: a << b, lambda: a >> b, lambda: a @ b]:
        try: f()
        except TypeError as e: print(e)
    x = a
    try: x &= b
    except TypeError as e: print(e)
class F(float):
    def __and__(self, o): return "F.__and__"
    def __rand__(self, o): return "F.__rand__"
print(F(1.0) & 2, 2 & F(1.0), F(1.0) + 1)
