results = []
for v in ["1", "2", "x", "4", "", "6"]:
    try:
        results.append(int(v))
    except ValueError:
        results.append(None)
        continue
    finally:
        results.append("|")
print(results)
count = 0
while True:
    try:
        count += 1
        if count == 5:
            raise StopIteration
    except StopIteration:
        break
print("count", count)
total = 0
for i in range(-3, 4):
    try:
        total += 12 // i
    except ZeroDivisionError:
        print("skip zero")
print(total)
errors = {}
for item in [1, "a", None, [1], 2.5]:
    try:
        item + 1
    except TypeError as e:
        errors[type(item).__name__] = str(e)
print(errors)
