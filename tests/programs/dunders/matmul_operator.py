class M:
    def __init__(self, rows): self.rows = rows
    def __matmul__(self, o):
        return M([[sum(a * b for a, b in zip(r, c)) for c in zip(*o.rows)] for r in self.rows])
    def __rmatmul__(self, o): return "rmatmul with " + type(o).__name__
    def __imatmul__(self, o):
        self.rows = (self @ o).rows
        return self
    def __repr__(self): return f"M({self.rows})"
a = M([[1, 2], [3, 4]])
b = M([[0, 1], [1, 0]])
print(a @ b, b @ a, [1] @ a)
a @= b
print(a)
try:
    1 @ 2
except TypeError as e:
    print(e)
try:
    x = [1]
    x @= 2
except TypeError as e:
    print(e)
