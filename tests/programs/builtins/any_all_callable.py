print(any([]), all([]), any([0, 0, 1]), all([1, 1, 0]), any("abc"), all(""), any([None, ""]), all([[0]]))
print(any(x > 5 for x in range(10)), all(x < 10 for x in range(10)), any(x > 50 for x in range(10)))
calls = []
def p(v):
    calls.append(v)
    return v
print(any(p(v) for v in [0, 1, 2, 3]), calls)
calls.clear()
print(all(p(v) for v in [1, 1, 0, 1]), calls)
def fn():
    pass
class K:
    def m(self):
        pass
print(callable(fn), callable(len), callable(K), callable(K()), callable(K().m), callable(1), callable("s"), callable(lambda: 0), callable(None))
