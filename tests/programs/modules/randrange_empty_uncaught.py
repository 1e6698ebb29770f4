import random

random.seed(0)
print(random.randrange(10))
random.randrange(10, 2)
