acc = 0
for i in range(50000):
    d = {"id": i}
    e = {"peer": d, "id": -i}
    d["peer"] = e
    d["self"] = d
    acc += d["peer"]["peer"]["id"] - e["peer"]["peer"]["id"] + len(d)
print(acc)
