for i in range(5):
    if i == 10:
        break
else:
    print("for completed, i =", i)
for i in range(5):
    if i == 2:
        break
else:
    print("not printed")
print("broke at", i)
n = 0
while n < 3:
    n += 1
else:
    print("while completed", n)
while True:
    break
else:
    print("not printed")
def find(seq, target):
    for idx, v in enumerate(seq):
        if v == target:
            print("found", target, "at", idx)
            break
    else:
        print(target, "not found")
find([1, 2, 3], 2)
find([1, 2, 3], 9)
for p in range(2, 30):
    for d in range(2, p):
        if p % d == 0:
            break
    else:
        print(p, end=" ")
print()
for x in []:
    pass
else:
    print("empty for else")
