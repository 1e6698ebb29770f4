calls = []
def log(tag):
    def deco(f):
        def wrapper(*a, **k):
            calls.append(tag)
            return f(*a, **k)
        wrapper.__name__ = f.__name__
        wrapper.__doc__ = f.__doc__
        return wrapper
    return deco
class Service:
    @log("outer")
    @log("inner")
    def run(self, x):
        "run doc"
        return x + 1
    @staticmethod
    @log("static")
    def util(): return "u"
    @classmethod
    @log("cls")
    def build(cls): return cls.__name__
    @property
    @log("prop")
    def value(self): return 9
s = Service()
print(s.run(1), Service.util(), Service.build(), s.value, calls)
print(Service.run.__name__, Service.run.__doc__)
def singleton(cls):
    instances = {}
    def get(*a):
        if cls not in instances:
            instances[cls] = cls(*a)
        return instances[cls]
    return get
@singleton
class Config:
    def __init__(self, v): self.v = v
print(Config(1).v, Config(2).v, Config(3) is Config(4))
