try:
    [][1]
except IndexError as e:
    print("handled:", e)
try:
    {}["x"]
except KeyError as e:
    print("handled:", e)
print("now an unhandled one")
x = None
x.append(1)
