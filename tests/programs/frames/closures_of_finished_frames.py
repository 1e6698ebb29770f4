# Closures keep the cells of frames that have long returned; later calls reusing the same
# frame memory must not disturb them.

def counter(start):
    count = start
    step = 1

    def bump():
        nonlocal count
        count += step
        return count

    def set_step(s):
        nonlocal step
        step = s

    return bump, set_step


def noise(n, x, y, z):
    if n == 0:
        return x + y + z
    return noise(n - 1, y, z, x + 1)


pairs = [counter(i * 10) for i in range(8)]
print(noise(100, 1, 2, 3))
for bump, set_step in pairs:
    bump()
    set_step(5)
print(noise(500, 4, 5, 6))
print([bump() for bump, _ in pairs])


def adders():
    fs = []
    for i in range(5):
        def add(x, i=i):
            return x + i
        fs.append(add)
    return fs


def make_chain(k):
    if k == 0:
        return lambda: "bottom"
    inner = make_chain(k - 1)
    return lambda: f"{k}>{inner()}"


fs = adders()
chain = make_chain(30)
print(noise(200, 7, 8, 9))
print([f(100) for f in fs])
print(chain())
