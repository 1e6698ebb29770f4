def none_implicit():
    x = 1
def none_explicit():
    return
def multiple():
    return 1, "two", [3]
def early(n):
    for i in range(n):
        if i * i > n:
            return i
    return -1
def in_loop_while():
    i = 0
    while True:
        i += 1
        if i == 7:
            return i
print(none_implicit(), none_explicit(), multiple(), early(50), early(0), in_loop_while())
def returns_func():
    def inner():
        return "inner result"
    return inner
print(returns_func()())
def nested_return(x):
    if x > 0:
        if x > 10:
            return "big"
        return "small"
    return "non-positive"
print(nested_return(20), nested_return(5), nested_return(-1))
def gen_list(n):
    return [i for i in range(n)]
print(gen_list(3), len(gen_list(100)))
