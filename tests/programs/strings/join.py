print(",".join(["a", "b", "c"]), "".join(["x", "y"]), " - ".join(("p", "q")))
print("|".join([]), "|".join(["solo"]), "-".join("abc"))
print(", ".join(str(i) for i in range(5)))
print("".join([c.upper() for c in "hello"]))
print("\n".join(["line1", "line2"]))
d = {"k1": 1, "k2": 2}
print("+".join(d), "+".join(d.keys()))
print("ab".join(["1", "2", "3"]))
try:
    ",".join([1, 2])
except TypeError as e:
    print("TypeError", e)
try:
    ",".join(["a", None])
except TypeError as e:
    print("TypeError", e)
parts = []
for i in range(10):
    parts.append(str(i * i))
print("".join(parts), len("".join(parts)))
