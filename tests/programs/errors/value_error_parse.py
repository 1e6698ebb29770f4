tokens = ["12", "7", "-3", "4.5"]
total = 0
for t in tokens:
    total += int(t)
    print("running total", total)
