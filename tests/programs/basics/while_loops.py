i = 0
while i < 5:
    print("i =", i)
    i += 1
n = 27
steps = 0
while n != 1:
    if n % 2 == 0:
        n = n // 2
    else:
        n = 3 * n + 1
    steps += 1
print("collatz steps", steps)
a, b = 0, 1
fibs = []
while a < 1000:
    fibs.append(a)
    a, b = b, a + b
print(fibs)
total = 0
k = 100
while k:
    total += k
    k -= 1
print(total)
items = [3, 1, 4, 1, 5]
while items:
    print(items.pop(), end=" ")
print()
x = 10
while True:
    x -= 3
    if x < 0:
        break
print("x", x)
