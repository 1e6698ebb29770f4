class Point(Base, metaclass=Meta):
    """A point."""

    scale = 2

    def __init__(self, x, y):
        super().__init__()
        self.__x = x * self.scale
        self.y = y

    def norm(self):
        return (self.__x ** 2 + self.y ** 2) ** 0.5
