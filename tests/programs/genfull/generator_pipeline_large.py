def numbers(n):
    for i in range(n):
        yield i
def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x
def squares(it):
    for x in it:
        yield x * x
def take(n, it):
    for i, x in enumerate(it):
        if i >= n:
            return
        yield x
total = 0
for v in squares(evens(numbers(100000))):
    total += v
print(total)
print(list(take(5, squares(evens(numbers(10**9))))))
def running_average():
    total = count = 0
    avg = None
    while True:
        x = yield avg
        total += x
        count += 1
        avg = total / count
ra = running_average()
next(ra)
print([ra.send(v) for v in [10, 20, 30, 40]])
def chunks(seq, n):
    for i in range(0, len(seq), n):
        yield seq[i:i + n]
print(list(chunks(list(range(10)), 3)), list(chunks("abcdefg", 2)))
