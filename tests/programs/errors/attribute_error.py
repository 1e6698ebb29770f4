class Widget:
    def __init__(self):
        self.size = 3
w = Widget()
print("size", w.size)
print("colour", w.colour_scheme_value)
