data = {"list": [1, 2.5, "s", None, True], "tuple": (1,), "empty": ((), [], {}, set()), "nested": {"a": {"b": [{"c": ()}]}}}
print(data)
print(repr(data["list"]), str(data["tuple"]), repr("quote's"), repr('dq"'), repr("both'\""), repr("\t\n\x00\x7f"))
print([1.0, 1e16, 1e-5, 0.1 + 0.2, -0.0, float("inf"), float("nan")], (1e22, 123456789.0))
print({1, 2}, frozenset(), set(), {(1, 2): [3]}, [[]], [()], ({},))
l = [1]
l.append(l)
print(l)
d = {}
d["self"] = d
print(d)
print(repr(range(0)), repr(range(1, 10, 2)), repr(slice(1, 2, 3)), repr(Ellipsis), repr(NotImplemented))
print(str("plain"), repr("é漢字"), ascii("é漢字"), ascii(["ü"]), repr("\u200b"))
