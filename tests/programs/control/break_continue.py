for i in range(10):
    if i % 2:
        continue
    if i > 6:
        break
    print("even", i)
i = 0
while i < 10:
    i += 1
    if i < 5:
        continue
    if i == 8:
        break
    print("i", i)
for a in range(3):
    for b in range(3):
        if b == a:
            continue
        if b > 1:
            break
        print(a, b)
found = None
for row in range(5):
    for col in range(5):
        if row * col == 6:
            found = (row, col)
            break
    if found:
        break
print(found)
count = 0
while True:
    count += 1
    if count % 2 == 0:
        continue
    if count > 9:
        break
print(count)
