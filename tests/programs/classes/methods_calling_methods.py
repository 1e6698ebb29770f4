class Matrix:
    def __init__(self, rows):
        self.rows = rows
    def n(self):
        return len(self.rows)
    def get(self, i, j):
        return self.rows[i][j]
    def mul(self, other):
        n = self.n()
        return Matrix([[sum(self.get(i, k) * other.get(k, j) for k in range(n)) for j in range(n)] for i in range(n)])
    def power(self, e):
        result = Matrix.identity(self.n())
        base = self
        while e:
            if e & 1:
                result = result.mul(base)
            base = base.mul(base)
            e >>= 1
        return result
    def identity(n):
        return Matrix([[1 if i == j else 0 for j in range(n)] for i in range(n)])
    def __repr__(self):
        return "Matrix(" + repr(self.rows) + ")"
fibm = Matrix([[1, 1], [1, 0]])
print(fibm.power(10), fibm.power(90).get(0, 1))
m = Matrix([[2, 0, 1], [1, 1, 0], [0, 3, 1]])
print(m.mul(m), m.power(5))
