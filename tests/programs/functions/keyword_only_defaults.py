def connect(host, port=80, *, timeout=10, retries=3, **extra):
    return host + ":" + str(port) + " t=" + str(timeout) + " r=" + str(retries) + " " + str(sorted(extra.items()))
print(connect("a"))
print(connect("b", 8080, retries=0))
print(connect("c", timeout=1, verbose=True, mode="x"))
print(connect(port=1, host="d"))
settings = {"timeout": 99, "retries": 7}
print(connect("e", **settings))
args = ("f", 443)
print(connect(*args, **settings))
def collect(*items, sep=", ", end="!"):
    return sep.join(items) + end
print(collect("a", "b"), collect(sep="-"), collect("x", end="?"))
