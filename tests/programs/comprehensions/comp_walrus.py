data = [3, 8, 1, 10, 4]
print([y for x in data if (y := x * 2) > 6])
print(y)
total = 0
print([total := total + x for x in range(5)], total)
values = [v for raw in ["1", "x", "22", "", "7"] if raw.isdigit() and (v := int(raw)) > 1]
print(values)
if (n := len(data)) > 3:
    print("long", n)
while (chunk := data[:2]):
    print(chunk)
    data = data[2:]
