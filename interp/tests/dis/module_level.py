"""Module docstring."""
import os.path as osp
from collections import OrderedDict as OD, deque
from . import sibling
from math import *

x: int = 5
a, *b, c = range(5)
a, b = b, a
assert x > 0, "positive"
value = -1 if x in [1, 2, 3] else not x
square = lambda n, *, power=2: n ** power
data = {"a": 1, "b": 2, **extra}
items = [1, 2, 3, *rest]
