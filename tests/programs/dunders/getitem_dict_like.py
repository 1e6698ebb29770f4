class Registry:
    def __init__(self): self._d = {}
    def __getitem__(self, k):
        print("get", k)
        return self._d[k]
    def __setitem__(self, k, v):
        print("set", k, v)
        self._d[k] = v
    def __delitem__(self, k):
        print("del", k)
        del self._d[k]
    def __contains__(self, k): return k in self._d
    def __len__(self): return len(self._d)
    def __iter__(self): return iter(self._d)
r = Registry()
r["a"] = 1
r["b"] = r["a"] + 1
r["a"] += 10
print(r["a"], len(r), "a" in r, "z" in r, list(r), sorted(r))
del r["b"]
print(list(r))
try:
    r["missing"]
except KeyError as e:
    print("KeyError", e)
try:
    del r["missing"]
except KeyError as e:
    print("KeyError", e)
r[1, 2] = "tuple key"
print(r[1, 2], r[(1, 2)])
