class A:
    def __add__(self, o): return "A.add"
    def __radd__(self, o): return "A.radd"
    def __eq__(self, o): return "A.eq"
class B(A):
    def __radd__(self, o): return "B.radd"
    def __eq__(self, o): return "B.eq"
print(A() + B())
print(A() + A())
print(A() == B())
print(B() == A())
print(1 + A())
