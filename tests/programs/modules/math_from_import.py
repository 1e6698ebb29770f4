from math import sqrt, pi as PI, floor
import math as m

print(sqrt(81), PI, floor(-0.5), m.ceil(0.2), m.__name__)
class Vec:
    def __init__(self, x):
        self.x = x
    def __floor__(self):
        return "floored"
    def __ceil__(self):
        return "ceiled"
    def __float__(self):
        return 2.25
print(m.floor(Vec(1)), m.ceil(Vec(1)), m.sqrt(Vec(1)))
