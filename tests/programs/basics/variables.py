x = 1
y = x
x = 2
print(x, y)
a = b = c = 7
print(a, b, c)
a, b = 1, 2
a, b = b, a
print(a, b)
a, b, c = c, a, b
print(a, b, c)
counter = 0
counter += 5
counter -= 2
counter *= 3
counter //= 2
counter **= 2
counter %= 7
print(counter)
f = 10.0
f /= 4
print(f)
s = "ab"
s += "cd"
s *= 2
print(s)
lst = [1]
alias = lst
lst += [2, 3]
print(lst, alias, lst is alias)
t = (1,)
t2 = t
t += (2,)
print(t, t2, t is t2)
n = 0b1010
n |= 0b0101
n &= 0b1100
n ^= 0b0110
n <<= 3
n >>= 1
print(n)
_private = 3
CamelCase = 4
snake_case_9 = 5
print(_private + CamelCase + snake_case_9)
del x
try:
    print(x)
except NameError as e:
    print("NameError", e)
