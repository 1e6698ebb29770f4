def is_even(n):
    return True if n == 0 else is_odd(n - 1)
def is_odd(n):
    return False if n == 0 else is_even(n - 1)
print([is_even(i) for i in range(8)], is_odd(301))
def fold(f, acc, seq):
    for x in seq:
        acc = f(acc, x)
    return acc
print(fold(lambda a, b: a + b, 0, range(10)), fold(lambda a, b: b + a, "", "abc"))
def my_map(f, seq):
    return [f(x) for x in seq]
def my_filter(p, seq):
    return [x for x in seq if p(x)]
print(my_map(lambda x: x ** 2, my_filter(lambda x: x % 3 == 0, range(20))))
def memoize(f):
    cache = {}
    def g(n):
        if n not in cache:
            cache[n] = f(n)
        return cache[n]
    return g
def slow_fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
fib = memoize(slow_fib)
print(fib(80))
