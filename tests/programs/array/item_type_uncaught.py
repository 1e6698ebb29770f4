# An uncaught item TypeError from a float array ends the program with CPython's message.
from array import array

a = array('d', [1.0])
print(a)
a[0] = 'one'
