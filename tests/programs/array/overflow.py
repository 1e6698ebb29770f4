# Item conversion for every type code: the range checks and the C type each message names,
# and the TypeError for wrong item types.
from array import array


class Index:
    def __init__(self, n):
        self.n = n

    def __index__(self):
        return self.n


class Real:
    def __float__(self):
        return 2.5


values = [0, 1, -1, True, 1.5, 'x', None, Index(5), Index(-300), Real(),
          127, 128, -128, -129, 255, 256, 32767, 32768, -32768, -32769, 65535, 65536,
          2**31 - 1, 2**31, -2**31, -2**31 - 1, 2**32 - 1, 2**32,
          2**63 - 1, 2**63, -2**63, -2**63 - 1, 2**64 - 1, 2**64, 2**70, -2**70, 10**400]

for code in 'bBhHiIlLqQfd':
    a = array(code, [0])
    for v in values:
        try:
            a[0] = v
            result = repr(a[0])
        except (TypeError, OverflowError) as e:
            result = type(e).__name__ + ': ' + str(e)
        print(code, repr(v) if not isinstance(v, (Index, Real)) else type(v).__name__, result)
    # append, insert and extend convert the same way, and leave the array unchanged.
    for op in (lambda: a.append(2**70), lambda: a.insert(0, 'x'), lambda: a.fromlist([1, 'y'])):
        try:
            op()
        except (TypeError, OverflowError) as e:
            print(code, type(e).__name__, e, len(a))

f = array('f', [1e40, -1e40, 1e-50, 0.1])
print(f, f[3] == 0.1)
for code in 'bBhHiIlLqQ':
    print(code, array(code, [1, 2]) + array(code, [3]))
