def digit_sum(n):
    s = 0
    while n:
        s += n % 10
        n //= 10
    return s
def collatz_len(n):
    c = 1
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        c += 1
    return c
best = max(range(1, 3000), key=collatz_len)
print(best, collatz_len(best))
print([digit_sum(2 ** k) for k in range(0, 200, 20)])
print(digit_sum(2 ** 1000))
def is_prime(n):
    if n < 2:
        return False
    i = 2
    while i * i <= n:
        if n % i == 0:
            return False
        i += 1
    return True
print([p for p in range(100) if is_prime(p)])
print(is_prime(1000003), is_prime(1000001))
def reverse_num(n):
    r = 0
    while n > 0:
        r = r * 10 + n % 10
        n //= 10
    return r
print(reverse_num(1234567890123456789012), reverse_num(100))
