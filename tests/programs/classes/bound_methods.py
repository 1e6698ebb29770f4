class Acc:
    def __init__(self):
        self.total = 0
    def add(self, v):
        self.total += v
        return self.total
a = Acc()
b = Acc()
add_a = a.add
add_b = b.add
print(add_a(5), add_a(7), add_b(1), a.total, b.total)
methods = [a.add, b.add, a.add]
print([m(10) for m in methods])
callbacks = {}
callbacks["inc"] = a.add
print(callbacks["inc"](100))
f = Acc.add
print(f(b, 1000), b.total)
def call_later(fn, *args):
    return fn(*args)
print(call_later(a.add, -1))
class Button:
    def __init__(self, label):
        self.label = label
        self.handlers = []
    def on_click(self, h):
        self.handlers.append(h)
    def click(self):
        return [h(self.label) for h in self.handlers]
class Logger:
    def __init__(self):
        self.lines = []
    def log(self, msg):
        self.lines.append("clicked " + msg)
        return len(self.lines)
lg = Logger()
btn = Button("OK")
btn.on_click(lg.log)
btn.on_click(str.upper)
print(btn.click(), btn.click(), lg.lines)
print(list(map(a.add, [1, 2, 3])))
