values = [4, 2, 1, 0]
total = 0
for v in values:
    print("dividing by", v)
    total += 100 / v
    print("total", total)
print("never printed")
