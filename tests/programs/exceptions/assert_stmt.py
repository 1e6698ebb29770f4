def check(x):
    assert x > 0, "x must be positive, got " + str(x)
    return x * 2
print(check(3))
try:
    check(-1)
except AssertionError as e:
    print("AssertionError", e)
try:
    assert 1 + 1 == 3
except AssertionError as e:
    print("bare assert", repr(str(e)), e.args)
assert isinstance([], list)
assert "a" in "abc", "never shown"
print("asserts done")
