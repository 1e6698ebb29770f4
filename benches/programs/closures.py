# bench-args: 80000
# default-args: 9000
# test-args: 60
# Closures: a small expression language. Source text is tokenized, parsed by recursive
# descent (precedence climbing) into nested tuples, compiled into a tree of closures, and
# the compiled functions are evaluated over many environments (dicts). Errors — division
# by zero, unknown names, bad syntax — are raised as exceptions and counted.
# Stresses closure creation and calls (LOAD_DEREF), dict lookups, str methods,
# exceptions and try/except in a hot loop. Argument: number of environments.
import sys


class CalcError(Exception):
    pass


class ParseError(CalcError):
    pass


class UnknownName(CalcError):
    def __init__(self, name):
        super().__init__(f"unknown name {name!r}")
        self.name = name


OPERATORS = {"+": (1, "left"), "-": (1, "left"), "*": (2, "left"), "/": (2, "left"),
             "%": (2, "left"), "^": (3, "right")}


def tokenize(text):
    tokens = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit():
            j = i
            while j < len(text) and text[j].isdigit():
                j += 1
            tokens.append(("num", int(text[i:j])))
            i = j
        elif ch.isalpha() or ch == "_":
            j = i
            while j < len(text) and (text[j].isalnum() or text[j] == "_"):
                j += 1
            tokens.append(("name", text[i:j]))
            i = j
        elif ch in OPERATORS or ch in "(),?:<=":
            if text.startswith("<=", i):
                tokens.append(("op", "<="))
                i += 2
            else:
                tokens.append(("op", ch))
                i += 1
        else:
            raise ParseError(f"unexpected character {ch!r} at {i}")
    tokens.append(("end", None))
    return tokens


class Parser:
    def __init__(self, text):
        self.tokens = tokenize(text)
        self.pos = 0

    def peek(self):
        return self.tokens[self.pos]

    def advance(self):
        token = self.tokens[self.pos]
        self.pos += 1
        return token

    def expect(self, value):
        kind, got = self.advance()
        if got != value:
            raise ParseError(f"expected {value!r}, got {got!r}")

    def parse(self):
        tree = self.conditional()
        if self.peek()[0] != "end":
            raise ParseError(f"trailing input at token {self.pos}")
        return tree

    def conditional(self):
        test = self.comparison()
        if self.peek() == ("op", "?"):
            self.advance()
            yes = self.conditional()
            self.expect(":")
            no = self.conditional()
            return ("if", test, yes, no)
        return test

    def comparison(self):
        left = self.binary(1)
        if self.peek() in (("op", "<"), ("op", "<="), ("op", "=")):
            op = self.advance()[1]
            return ("cmp", op, left, self.binary(1))
        return left

    def binary(self, min_level):
        left = self.unary()
        while True:
            kind, op = self.peek()
            if kind != "op" or op not in OPERATORS:
                return left
            level, assoc = OPERATORS[op]
            if level < min_level:
                return left
            self.advance()
            right = self.binary(level + 1 if assoc == "left" else level)
            left = ("bin", op, left, right)

    def unary(self):
        if self.peek() == ("op", "-"):
            self.advance()
            return ("neg", self.unary())
        return self.atom()

    def atom(self):
        kind, value = self.advance()
        if kind == "num":
            return ("num", value)
        if kind == "name":
            if self.peek() == ("op", "("):
                self.advance()
                args = [self.conditional()]
                while self.peek() == ("op", ","):
                    self.advance()
                    args.append(self.conditional())
                self.expect(")")
                return ("call", value, tuple(args))
            return ("var", value)
        if (kind, value) == ("op", "("):
            inner = self.conditional()
            self.expect(")")
            return inner
        raise ParseError(f"unexpected {value!r}")


def checked_div(a, b):
    if b == 0:
        raise ZeroDivisionError("division by zero in expression")
    return a // b


BINARY = {
    "+": lambda a, b: a + b,
    "-": lambda a, b: a - b,
    "*": lambda a, b: a * b,
    "/": checked_div,
    "%": lambda a, b: a % b,
    "^": lambda a, b: a ** b if 0 <= b < 16 else 0,
}

COMPARE = {"<": lambda a, b: a < b, "<=": lambda a, b: a <= b, "=": lambda a, b: a == b}


def make_functions():
    def clamp(x, lo, hi):
        return lo if x < lo else hi if x > hi else x

    def gcd(a, b):
        while b:
            a, b = b, a % b
        return abs(a)

    return {"abs": abs, "min": min, "max": max, "clamp": clamp, "gcd": gcd}


def compile_tree(tree, functions):
    kind = tree[0]
    if kind == "num":
        value = tree[1]
        return lambda env: value
    if kind == "var":
        name = tree[1]

        def load(env):
            try:
                return env[name]
            except KeyError:
                raise UnknownName(name) from None
        return load
    if kind == "neg":
        inner = compile_tree(tree[1], functions)
        return lambda env: -inner(env)
    if kind == "bin":
        op = BINARY[tree[1]]
        left = compile_tree(tree[2], functions)
        right = compile_tree(tree[3], functions)
        return lambda env: op(left(env), right(env))
    if kind == "cmp":
        op = COMPARE[tree[1]]
        left = compile_tree(tree[2], functions)
        right = compile_tree(tree[3], functions)
        return lambda env: 1 if op(left(env), right(env)) else 0
    if kind == "if":
        test, yes, no = (compile_tree(t, functions) for t in tree[1:])
        return lambda env: yes(env) if test(env) else no(env)
    if kind == "call":
        if tree[1] not in functions:
            raise UnknownName(tree[1])
        fn = functions[tree[1]]
        args = [compile_tree(t, functions) for t in tree[2]]
        return lambda env: fn(*[a(env) for a in args])
    raise CalcError(f"bad tree node {kind}")


PROGRAMS = [
    "a * b + c - d / (e + 1)",
    "clamp(a - b * 3, -50, 50) + gcd(c, d)",
    "a < b ? a ^ 2 : b ^ 2 - c",
    "max(a, b, c) - min(d, e, f) * 2 % 7",
    "(a + b) * (c + d) * (e + f) / (a - b)",
    "a <= c ? (b = d ? 1 : 2) : -(e % 5) + x",
    "abs(a - b) + abs(c - d) + abs(e - f)",
    "gcd(a * 6 + 4, b * 4 + 6) ^ 2 - clamp(f, 0, 9)",
    "a + (b * (c - (d / (e - 3))))",
    "((a + b) * 2 + c) % 11 <= 5 ? a : b",
    "f ^ 2 + e ^ 2 - d * c + b - a",
    "a + * b",
    "min(a, b) / (c - c)",
    "2 ^ 3 ^ 2 - -a",
]


class Lcg:
    def __init__(self, seed):
        self.state = seed

    def randrange(self, lo, hi):
        self.state = (self.state * 214013 + 2531011) % 4294967296
        return lo + (self.state >> 16) % (hi - lo)


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 80000
    functions = make_functions()
    compiled = []
    for text in PROGRAMS:
        try:
            compiled.append((text, compile_tree(Parser(text).parse(), functions)))
        except CalcError as e:
            print(f"rejected {text!r}: {type(e).__name__}: {e}")
    rng = Lcg(7)
    totals = {text: 0 for text, _ in compiled}
    errors = {}
    for _ in range(count):
        env = {name: rng.randrange(-20, 21) for name in "abcdef"}
        if rng.randrange(0, 4) == 0:
            env["x"] = rng.randrange(0, 100)
        for text, fn in compiled:
            try:
                totals[text] += fn(env)
            except (ZeroDivisionError, UnknownName) as e:
                key = f"{type(e).__name__}: {e}"
                errors[key] = errors.get(key, 0) + 1
    for text, total in totals.items():
        print(f"{text:<48} {total:>14,}")
    for key in sorted(errors):
        print(f"{errors[key]:>6} x {key}")


main()
