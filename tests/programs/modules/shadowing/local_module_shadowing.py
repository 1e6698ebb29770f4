import string
import math

print(string.ascii_lowercase)
print(math.pi, math.sqrt(2))
