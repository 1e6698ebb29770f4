class Base:
    registry = []
    @classmethod
    def create(cls, *args):
        obj = cls(*args)
        cls.registry.append(type(obj).__name__)
        return obj
    @classmethod
    def kind(cls): return cls.__name__.lower()
    @staticmethod
    def helper(x): return x * 2
    def __init__(self, v=0): self.v = v
class Child(Base):
    @classmethod
    def kind(cls): return "child:" + super().kind()
    @staticmethod
    def helper(x): return Base.helper(x) + 1
c = Child.create(5)
print(type(c).__name__, c.v, Base.registry, Child.kind(), c.kind(), Base.kind())
print(Child.helper(10), c.helper(10), Base.helper(10), Base().helper(1))
print(type(Base.__dict__["kind"]).__name__, type(Base.__dict__["helper"]).__name__, callable(Base.kind))
bound = c.kind
print(bound(), bound.__self__ is Child)
