def numbers():
    yield 1
    yield 2
    raise KeyError("generator exploded")
for n in numbers():
    print("got", n)
