# Item access with an int beyond a Py_ssize_t: IndexError saying so (found by tests/lang_fuzz.rs).
for seq in ([1, 2, 3], (1, 2), "abc", b"xy", bytearray(b"xy"), range(5)):
    for index in (2**70, -(2**70), 2**63, -(2**63) - 1):
        try:
            print(seq[index])
        except Exception as e:
            print(type(e).__name__, e)
items = [1, 2, 3]
for action in (lambda: items.pop(2**70), lambda: items.__setitem__(2**70, 0), lambda: items.__delitem__(-(2**64))):
    try:
        action()
    except Exception as e:
        print(type(e).__name__, e)
print(items[2 ** 1], items[-3])
for action in (lambda: [1].insert(2**70, 0), lambda: [].pop(2**70), lambda: [1, 2].pop(-(2**70))):
    try:
        action()
    except Exception as e:
        print(type(e).__name__, e)
