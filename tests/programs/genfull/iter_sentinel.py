data = [1, 2, 3, 0, 4]
it = iter(data)
print(list(iter(lambda: next(it), 0)))
class Reader:
    def __init__(self): self.lines = ["a", "b", ""]
    def readline(self): return self.lines.pop(0)
r = Reader()
for line in iter(r.readline, ""):
    print("line", line)
count = [0]
def tick():
    count[0] += 1
    return count[0]
print(list(iter(tick, 5)))
ci = iter(tick, 100)
print(next(ci), type(ci).__name__, iter(ci) is ci)
try:
    iter(5, 1)
except TypeError as e:
    print(e)
def raising():
    raise StopIteration
print(list(iter(raising, 1)))
