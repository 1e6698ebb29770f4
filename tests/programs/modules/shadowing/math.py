# A `math.py` next to the program does not shadow the compiled-in `math`.
pi = 3
print("local math module ran as", __name__)
